package org.myview.system;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * Link tokens (set-password links, children's and parents' form links): 128 random bits, sent once,
 * stored only as a SHA-256 hash.
 */
public final class SecretTokens {

    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

    private SecretTokens() {
    }

    /** A new token of 128 random bits, URL-safe (22 characters). */
    public static String newToken(SecureRandom random) {
        byte[] bytes = new byte[16];
        random.nextBytes(bytes);
        return ENCODER.encodeToString(bytes);
    }

    /** What the database keeps instead of the token. */
    public static byte[] hash(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A token as a browser could send it: 22 URL-safe base64 characters. Anything else is refused unread. */
    public static boolean looksValid(String token) {
        return token != null && token.matches("[A-Za-z0-9_-]{22}");
    }
}
