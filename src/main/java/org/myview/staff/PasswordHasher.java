package org.myview.staff;

import jakarta.inject.Singleton;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;

/**
 * Argon2id (Bouncy Castle, through Spring Security's encoder): 16 MiB of memory and 2 passes, about
 * 50 ms on these machines, so guessing is slow but signing in is not.
 */
@Singleton
public class PasswordHasher {

    private final Argon2PasswordEncoder encoder = new Argon2PasswordEncoder(16, 32, 1, 16 * 1024, 2);

    // Checked against when the username does not exist, so that a wrong username costs as long as a wrong password.
    private final String decoy = encoder.encode("decoy-password-never-used");

    public String hash(String password) {
        return encoder.encode(password);
    }

    public boolean matches(String password, String hash) {
        return hash != null && password != null && encoder.matches(password, hash);
    }

    /** Spend the same time as a real check, for a username that does not exist. */
    public void spendTimeOnDecoy(String password) {
        encoder.matches(password == null ? "" : password, decoy);
    }
}
