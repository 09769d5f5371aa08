package org.myview.system;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;

/** HMAC-SHA256 and constant-time comparison, for signed cookies and CSRF tokens. */
public final class Hmac {

    private Hmac() {
    }

    /** One Mac per thread: looking the algorithm up among the providers cost more than the signature itself. */
    private static final ThreadLocal<Mac> MACS = ThreadLocal.withInitial(() -> {
        try {
            return Mac.getInstance("HmacSHA256");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    });

    public static byte[] sha256(byte[] key, byte[] message) {
        try {
            Mac mac = MACS.get();
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(message);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }

    public static String sha256Base64Url(byte[] key, String message) {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString(sha256(key, message.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }

    public static boolean equal(String a, String b) {
        if (a == null || b == null) {
            return false;
        }
        return MessageDigest.isEqual(a.getBytes(java.nio.charset.StandardCharsets.UTF_8),
                b.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    /** {@code payload.signature}: a value the browser keeps and gives back, that it cannot change. */
    public static String signed(byte[] key, String payload) {
        return payload + "." + sha256Base64Url(key, payload);
    }

    /** The payload of a value made by {@link #signed}, when its signature is right; empty otherwise. */
    public static java.util.Optional<String> verifiedPayload(byte[] key, String value, int maxLength) {
        if (value == null || value.length() > maxLength) {
            return java.util.Optional.empty();
        }
        int lastDot = value.lastIndexOf('.');
        if (lastDot < 0) {
            return java.util.Optional.empty();
        }
        String payload = value.substring(0, lastDot);
        return equal(sha256Base64Url(key, payload), value.substring(lastDot + 1)) ? java.util.Optional.of(payload) : java.util.Optional.empty();
    }
}
