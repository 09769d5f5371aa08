package org.myview.web;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpHeaders;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.ServerFilterPhase;

/**
 * The headers every response carries. Pages carry personal data, so nothing but static assets may
 * be cached; static assets are versioned by path (GOV.UK Frontend) or query (ours) and cached long.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
record SecurityHeadersFilter(ClientAddress clientAddress) implements io.micronaut.core.order.Ordered {

    static final String CONTENT_SECURITY_POLICY = String.join("; ",
            "default-src 'none'",
            "script-src 'self'",
            "style-src 'self'",
            "img-src 'self' data:",
            "font-src 'self'",
            "media-src 'self'",
            "connect-src 'self'",
            // The child's form keeps its pages on the phone with our own service worker (consultation/, "Offline").
            "worker-src 'self'",
            "manifest-src 'self'",
            "form-action 'self'",
            "frame-ancestors 'none'",
            "base-uri 'none'");

    static final String STATIC_CACHE = "public, max-age=31536000, immutable";
    /** Static files whose address does not change with their content (GOV.UK's /assets, ours without ?v=). */
    static final String UNVERSIONED_STATIC_CACHE = "public, max-age=3600";
    static final String HSTS = "max-age=31536000; includeSubDomains";

    @ResponseFilter
    void addHeaders(HttpRequest<?> request, MutableHttpResponse<?> response) {
        MutableHttpHeaders headers = response.getHeaders();
        headers.set("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        headers.set("Referrer-Policy", "no-referrer");
        headers.set("X-Content-Type-Options", "nosniff");
        headers.set("X-Frame-Options", "DENY");
        headers.set("Cross-Origin-Opener-Policy", "same-origin");
        headers.set("Cross-Origin-Resource-Policy", "same-origin");
        headers.set("Permissions-Policy", "camera=(), microphone=(), geolocation=(), payment=(), usb=()");
        if (clientAddress.secure(request)) {
            // Over HTTPS only (directly, or as a configured proxy says): browsers ignore it over HTTP anyway.
            headers.set("Strict-Transport-Security", HSTS);
        }
        if (isStaticAsset(request.getPath()) && response.code() < 400) {
            headers.set("Cache-Control", isVersioned(request) ? STATIC_CACHE : UNVERSIONED_STATIC_CACHE);
        } else {
            headers.set("Cache-Control", "no-store");
            headers.set("Pragma", "no-cache");
        }
    }

    /** GOV.UK Frontend under its version (/govuk/5.14.0/...), or ours with ?v= (bumped when the file changes). */
    static boolean isVersioned(HttpRequest<?> request) {
        String path = request.getPath();
        return path.matches("/govuk/\\d+\\.\\d+\\.\\d+/.*")
                || path.startsWith("/static/") && request.getParameters().contains("v");
    }

    static boolean isStaticAsset(String path) {
        return path.startsWith("/govuk/") || path.startsWith("/assets/") || path.startsWith("/static/");
    }

    @Override
    public int getOrder() {
        // Run last on the way out, so headers apply to error responses and redirects too.
        return ServerFilterPhase.FIRST.order();
    }
}
