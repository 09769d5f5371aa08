package org.myview.bench;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * The benchmark's timed requests, written as bytes on one kept-alive HTTP/1.1 connection per caller and read back
 * just far enough to know the status and where the body ends. The phones' java.net.http clients (a client, a
 * selector thread and a cookie jar each) cost the two cores about 3 ms a request, half the service's own CPU, while
 * pgbench's client, beside it, costs little: measured this way the service gets the machine that PostgreSQL gets in
 * its anchor. Not thread-safe: one per calling thread.
 */
final class KeepAliveCaller implements AutoCloseable {

    private final String host;
    private final int port;
    private Socket socket;
    private OutputStream out;
    private InputStream in;

    KeepAliveCaller(URI base) {
        this.host = base.getHost();
        this.port = base.getPort();
    }

    /** A request as a browser holding these cookies would send it. */
    static byte[] get(URI base, String path, String cookieHeader) {
        return (("GET " + path + " HTTP/1.1\r\nHost: " + base.getHost() + ":" + base.getPort()
                + "\r\nCookie: " + cookieHeader + "\r\n\r\n")).getBytes(StandardCharsets.UTF_8);
    }

    static byte[] postForm(URI base, String path, String cookieHeader, String formBody) {
        byte[] body = formBody.getBytes(StandardCharsets.UTF_8);
        String origin = base.getScheme() + "://" + base.getHost() + ":" + base.getPort();
        byte[] head = ("POST " + path + " HTTP/1.1\r\nHost: " + base.getHost() + ":" + base.getPort()
                + "\r\nCookie: " + cookieHeader + "\r\nOrigin: " + origin
                + "\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: " + body.length + "\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8);
        byte[] all = new byte[head.length + body.length];
        System.arraycopy(head, 0, all, 0, head.length);
        System.arraycopy(body, 0, all, head.length, body.length);
        return all;
    }

    /** Sends the request and reads the whole answer; returns its status. */
    int call(byte[] request) throws IOException {
        if (socket == null) {
            socket = new Socket(host, port);
            socket.setTcpNoDelay(true);
            socket.setSoTimeout(30_000);
            out = socket.getOutputStream();
            in = new BufferedInputStream(socket.getInputStream(), 64 * 1024);
        }
        out.write(request);
        out.flush();
        String statusLine = line();
        int status = Integer.parseInt(statusLine.substring(9, 12));
        long length = -1;
        boolean chunked = false;
        boolean close = false;
        for (String header = line(); !header.isEmpty(); header = line()) {
            String lower = header.toLowerCase(Locale.ROOT);
            if (lower.startsWith("content-length:")) {
                length = Long.parseLong(lower.substring(15).trim());
            } else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
                chunked = true;
            } else if (lower.startsWith("connection:") && lower.contains("close")) {
                close = true;
            }
        }
        if (chunked) {
            for (long size = Long.parseLong(line().split(";")[0].trim(), 16); size > 0;
                 size = Long.parseLong(line().split(";")[0].trim(), 16)) {
                skip(size);
                line();
            }
            for (String trailer = line(); !trailer.isEmpty(); trailer = line()) {
                // trailers: none expected
            }
        } else if (length > 0) {
            skip(length);
        }
        if (close) {
            close();
        }
        return status;
    }

    private String line() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(128);
        for (int b = in.read(); b != '\n'; b = in.read()) {
            if (b < 0) {
                throw new IOException("connection closed mid-answer");
            }
            if (b != '\r') {
                bytes.write(b);
            }
        }
        return bytes.toString(StandardCharsets.ISO_8859_1);
    }

    private void skip(long n) throws IOException {
        while (n > 0) {
            long skipped = in.skip(n);
            if (skipped <= 0) {
                if (in.read() < 0) {
                    throw new IOException("connection closed mid-body");
                }
                skipped = 1;
            }
            n -= skipped;
        }
    }

    @Override
    public void close() throws IOException {
        if (socket != null) {
            socket.close();
            socket = null;
        }
    }
}
