package org.myview.support;

import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A small browser stand-in for tests: keeps cookies, does not follow redirects (so tests can assert
 * them), sends forms the way a browser does.
 */
public final class WebClient {

    private final URI base;
    private final List<URI> instances;
    private final java.util.concurrent.atomic.AtomicInteger turn = new java.util.concurrent.atomic.AtomicInteger();
    private final HttpClient http;
    private final CookieManager cookies;

    public WebClient(URI base) {
        this(List.of(base));
    }

    /**
     * A browser behind a round-robin load balancer: each request goes to the next instance in turn, with one
     * cookie jar (cookies ignore the port, as a browser's do for one host name).
     */
    public static WebClient roundRobin(URI... instances) {
        return new WebClient(List.of(instances));
    }

    private WebClient(List<URI> instances) {
        this.instances = instances;
        this.base = instances.get(0);
        this.cookies = new CookieManager();
        cookies.setCookiePolicy(CookiePolicy.ACCEPT_ALL);
        this.http = HttpClient.newBuilder()
                .cookieHandler(cookies)
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(10))
                .build();
    }

    public Page get(String path) {
        return send(request(path).GET().build());
    }

    public Page get(String path, String accept) {
        return send(request(path).header("Accept", accept).GET().build());
    }

    /** Posts an HTML form; pairs are name, value, name, value... (names may repeat). */
    public Page post(String path, String... pairs) {
        List<String> encoded = new ArrayList<>();
        for (int i = 0; i + 1 < pairs.length; i += 2) {
            encoded.add(URLEncoder.encode(pairs[i], StandardCharsets.UTF_8) + "="
                    + URLEncoder.encode(pairs[i + 1], StandardCharsets.UTF_8));
        }
        return send(request(path)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Origin", base.toString().replaceAll("/$", ""))
                .POST(HttpRequest.BodyPublishers.ofString(String.join("&", encoded)))
                .build());
    }

    public Page send(HttpRequest request) {
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            return new Page(response.statusCode(), response.headers().map(), response.body());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public HttpRequest.Builder request(String path) {
        URI to = instances.size() == 1 ? base : instances.get(Math.floorMod(turn.getAndIncrement(), instances.size()));
        return HttpRequest.newBuilder(to.resolve(path)).timeout(Duration.ofSeconds(30));
    }

    public URI base() {
        return base;
    }

    /** Adds a cookie as a crafted request would carry it (the server did not set it). */
    public void addCookie(String name, String value, String path) {
        java.net.HttpCookie cookie = new java.net.HttpCookie(name, value);
        cookie.setPath(path);
        cookie.setVersion(0);
        cookies.getCookieStore().add(base, cookie);
    }

    /** The Cookie header this client would send to the server, for a hand-written request. */
    public String cookieHeader() {
        return String.join("; ", cookies.getCookieStore().get(base).stream().map(Object::toString).toList());
    }

    /**
     * A request written by hand on a socket, for headers java.net.http will not send (Host). Returns the raw
     * answer: status line, headers and body.
     */
    public String raw(String request) {
        try (java.net.Socket socket = new java.net.Socket(base.getHost(), base.getPort())) {
            socket.setSoTimeout(30_000);
            socket.getOutputStream().write(request.getBytes(StandardCharsets.UTF_8));
            socket.getOutputStream().flush();
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** What came back: status, headers (lower-case names) and body. */
    public record Page(int status, Map<String, List<String>> rawHeaders, String body) {

        public String header(String name) {
            for (Map.Entry<String, List<String>> entry : rawHeaders.entrySet()) {
                if (entry.getKey().equalsIgnoreCase(name)) {
                    return entry.getValue().get(0);
                }
            }
            return null;
        }

        public Map<String, String> headers() {
            Map<String, String> map = new LinkedHashMap<>();
            rawHeaders.forEach((k, v) -> map.put(k.toLowerCase(), v.get(0)));
            return map;
        }

        /** The value of a hidden or text input, for example the CSRF token of a form. */
        public String inputValue(String name) {
            Matcher m = Pattern.compile("<input[^>]*name=\"" + Pattern.quote(name) + "\"[^>]*value=\"([^\"]*)\"")
                    .matcher(body);
            if (m.find()) {
                return m.group(1);
            }
            m = Pattern.compile("<input[^>]*value=\"([^\"]*)\"[^>]*name=\"" + Pattern.quote(name) + "\"").matcher(body);
            return m.find() ? m.group(1) : null;
        }

        public String location() {
            return header("Location");
        }
    }
}
