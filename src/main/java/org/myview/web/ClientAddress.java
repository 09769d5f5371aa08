package org.myview.web;

import io.micronaut.http.HttpRequest;
import jakarta.inject.Singleton;

import java.math.BigInteger;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.List;

/**
 * Who sent a request, and whether it came over HTTPS, believing forwarded headers only from the configured
 * proxies ({@link ProxySettings}). Throttles key on {@link #of}; cookies' Secure flag on {@link #secure}.
 */
@Singleton
public class ClientAddress {

    private record Range(BigInteger network, BigInteger mask, int length) {
        boolean contains(InetAddress address) {
            byte[] bytes = address.getAddress();
            return bytes.length == length && new BigInteger(1, bytes).and(mask).equals(network);
        }
    }

    private final List<Range> trusted;
    private final String header;

    public ClientAddress(ProxySettings settings) {
        this.trusted = settings.trustedAddresses().stream().filter(s -> !s.isBlank()).map(ClientAddress::range).toList();
        this.header = settings.clientAddressHeader();
    }

    /** The client's address: the connection's, or, from a trusted proxy, the last untrusted hop it names. */
    public String of(HttpRequest<?> request) {
        InetAddress remote = remote(request);
        String address = remote == null ? request.getRemoteAddress().getHostString() : remote.getHostAddress();
        if (remote == null || !trusted(remote)) {
            return address;
        }
        String forwarded = request.getHeaders().get(header);
        if (forwarded == null || forwarded.isBlank()) {
            return address;
        }
        String[] hops = forwarded.split(",");
        for (int i = hops.length - 1; i >= 0; i--) {
            String hop = hops[i].trim();
            if (hop.isEmpty()) {
                continue;
            }
            InetAddress parsed = literal(hop);
            if (parsed == null) {
                return hop.length() > 64 ? hop.substring(0, 64) : hop;
            }
            if (!trusted(parsed) || i == 0) {
                return parsed.getHostAddress();
            }
        }
        return address;
    }

    /** Whether the request reached the service over HTTPS (directly, or as a trusted proxy says). */
    public boolean secure(HttpRequest<?> request) {
        if (request.isSecure()) {
            return true;
        }
        InetAddress remote = remote(request);
        return remote != null && trusted(remote)
                && "https".equalsIgnoreCase(request.getHeaders().get("X-Forwarded-Proto"));
    }

    /** Whether the connection comes from a configured proxy. */
    public boolean fromTrustedProxy(HttpRequest<?> request) {
        InetAddress remote = remote(request);
        return remote != null && trusted(remote);
    }

    private boolean trusted(InetAddress address) {
        return trusted.stream().anyMatch(r -> r.contains(address));
    }

    private static InetAddress remote(HttpRequest<?> request) {
        InetSocketAddress socket = request.getRemoteAddress();
        return socket == null ? null : socket.getAddress();
    }

    /** An IP literal, never a name lookup. */
    private static InetAddress literal(String text) {
        String t = text.startsWith("[") && text.endsWith("]") ? text.substring(1, text.length() - 1) : text;
        if (!t.matches("[0-9.]+|[0-9a-fA-F:.]*:[0-9a-fA-F:.]*")) {
            return null;
        }
        try {
            return InetAddress.getByName(t);
        } catch (UnknownHostException e) {
            return null;
        }
    }

    static Range range(String spec) {
        String[] parts = spec.trim().split("/");
        InetAddress address = literal(parts[0]);
        if (address == null) {
            throw new IllegalArgumentException("myview.proxy.trusted-addresses: not an IP address or range: " + spec);
        }
        int bits = address.getAddress().length * 8;
        int prefix = parts.length > 1 ? Integer.parseInt(parts[1]) : bits;
        BigInteger all = BigInteger.ONE.shiftLeft(bits).subtract(BigInteger.ONE);
        BigInteger mask = all.xor(BigInteger.ONE.shiftLeft(bits - prefix).subtract(BigInteger.ONE));
        return new Range(new BigInteger(1, address.getAddress()).and(mask), mask, address.getAddress().length);
    }
}
