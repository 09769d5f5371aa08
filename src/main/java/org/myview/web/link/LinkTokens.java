package org.myview.web.link;

import org.myview.system.SecretTokens;
import org.myview.web.LoggedPaths;

import java.security.SecureRandom;

/** New link tokens (128 random bits, URL-safe), the hash that is stored instead, and the link's address. */
public final class LinkTokens {

    private static final SecureRandom RANDOM = new SecureRandom();

    private LinkTokens() {
    }

    /** A token to show once, and its SHA-256 hash to store. */
    public record NewLink(String token, byte[] hash) {
    }

    public static NewLink newLink() {
        String token = SecretTokens.newToken(RANDOM);
        return new NewLink(token, SecretTokens.hash(token));
    }

    /** A token as a browser could send it; anything else is refused unread. */
    public static boolean looksValid(String token) {
        return SecretTokens.looksValid(token);
    }

    public static byte[] hash(String token) {
        return SecretTokens.hash(token);
    }

    /** The path to give out: {@code /<kind>/link/<token>}. Prefix it with the service's public address. */
    public static String path(LinkKind kind, String token) {
        return "/" + kind.name() + "/link/" + token;
    }

    /** A path fit for a log line: the token of a link path replaced by {@code ***}. */
    public static String redact(String path) {
        return LoggedPaths.redact(path);
    }
}
