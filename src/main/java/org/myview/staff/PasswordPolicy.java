package org.myview.staff;

import jakarta.inject.Singleton;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * What a staff password must be: at least 12 characters (length beats complexity rules), not one
 * of the commonly used passwords, not built from the username or one repeated character.
 */
@Singleton
public class PasswordPolicy {

    public static final int MINIMUM_LENGTH = 12;
    public static final int MAXIMUM_LENGTH = 256;

    private final Set<String> common;

    public PasswordPolicy() {
        this.common = load();
    }

    /** The message key of the first rule broken, or empty when the password is acceptable. */
    public Optional<String> problem(String password, String username) {
        if (password == null || password.isEmpty()) {
            return Optional.of("staff.password.error.missing");
        }
        if (password.length() < MINIMUM_LENGTH) {
            return Optional.of("staff.password.error.tooShort");
        }
        if (password.length() > MAXIMUM_LENGTH) {
            return Optional.of("staff.password.error.tooLong");
        }
        String lower = password.toLowerCase(Locale.ROOT);
        if (common.contains(lower) || lower.chars().distinct().count() <= 2 || isSequence(lower)) {
            return Optional.of("staff.password.error.common");
        }
        if (username != null && username.length() >= 3 && lower.contains(username.toLowerCase(Locale.ROOT))) {
            return Optional.of("staff.password.error.containsUsername");
        }
        return Optional.empty();
    }

    private static boolean isSequence(String password) {
        boolean ascending = true;
        boolean descending = true;
        for (int i = 1; i < password.length(); i++) {
            int step = password.charAt(i) - password.charAt(i - 1);
            ascending &= step == 1;
            descending &= step == -1;
        }
        return ascending || descending;
    }

    private static Set<String> load() {
        Set<String> passwords = new HashSet<>();
        try (InputStream in = PasswordPolicy.class.getResourceAsStream("/staff/common-passwords.txt")) {
            if (in == null) {
                throw new IllegalStateException("staff/common-passwords.txt is missing");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            while ((line = reader.readLine()) != null) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    passwords.add(line.trim().toLowerCase(Locale.ROOT));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return passwords;
    }
}
