package org.myview.web;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;

/**
 * The service's public address, from configuration only ({@code MYVIEW_PUBLIC_URL}). Every link the service
 * hands out (the child's link and its QR code, set-password links, links in messages) starts with it; never
 * with the request's Host or X-Forwarded-Host, which a client chooses and which once made links to another site.
 */
@Singleton
public class PublicUrl {

    private final String base;

    public PublicUrl(@Value("${myview.public-url:`http://localhost:8080`}") String base) {
        this.base = base.replaceAll("/+$", "");
    }

    /** {@code path} (starting with /) on the public address. */
    public String of(String path) {
        return base + path;
    }
}
