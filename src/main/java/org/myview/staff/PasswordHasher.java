package org.myview.staff;

import jakarta.inject.Singleton;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;

/**
 * Argon2id (Bouncy Castle, through Spring Security's encoder) at OWASP's minimum: 19 MiB of memory, 2 passes,
 * one lane, about 60 ms on these machines, so guessing is slow but signing in is not. A stored hash names its
 * own parameters, so hashes made with the earlier 16 MiB still verify. Checks run on {@link PasswordChecks}.
 */
@Singleton
public class PasswordHasher {

    static final int MEMORY_KIB = 19 * 1024;
    static final int ITERATIONS = 2;
    static final int PARALLELISM = 1;

    private final Argon2PasswordEncoder encoder = new Argon2PasswordEncoder(16, 32, PARALLELISM, MEMORY_KIB, ITERATIONS);

    // Checked against when the username does not exist, so that a wrong username costs as long as a wrong password.
    // Made once with these parameters (the hash names them, so the check costs what a real one does) rather than
    // at construction: hashing here ran Argon2 (19 MiB) on the service's first request, /health included.
    static final String DECOY =
            "$argon2id$v=19$m=19456,t=2,p=1$LQXBpFyv9rmYskT672rYaw$pRhxWtMaC+wJGqLH6FaaYf3+Rheaj7qL7vjxQ7y1PHU";

    public String hash(String password) {
        return encoder.encode(password);
    }

    public boolean matches(String password, String hash) {
        return hash != null && password != null && encoder.matches(password, hash);
    }

    /** Spend the same time as a real check, for a username that does not exist. */
    public void spendTimeOnDecoy(String password) {
        encoder.matches(password == null ? "" : password, DECOY);
    }
}
