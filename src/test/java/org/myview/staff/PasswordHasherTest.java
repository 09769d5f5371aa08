package org.myview.staff;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;

/** Argon2id at or above OWASP's minimum (19 MiB, t=2, p=1), and hashes made before still verify (issue 22, item 7). */
class PasswordHasherTest {

    @Test
    void newHashesUseAtLeastOwaspMinimum() {
        String hash = new PasswordHasher().hash("a long enough passphrase");
        // $argon2id$v=19$m=19456,t=2,p=1$salt$hash
        String[] params = hash.split("\\$")[3].split(",");
        int memory = Integer.parseInt(params[0].substring(2));
        int iterations = Integer.parseInt(params[1].substring(2));
        assertTrue(hash.startsWith("$argon2id$"), hash);
        assertTrue(memory >= 19 * 1024, "memory " + memory + " KiB");
        assertTrue(iterations >= 2, "iterations " + iterations);
    }

    @Test
    void hashesMadeWithTheEarlierParametersStillVerify() {
        String old = new Argon2PasswordEncoder(16, 32, 1, 16 * 1024, 2).encode("an older passphrase");
        PasswordHasher hasher = new PasswordHasher();
        assertTrue(hasher.matches("an older passphrase", old));
        assertFalse(hasher.matches("another passphrase", old));
    }

    @Test
    void theDecoyCostsWhatANewHashCosts() {
        // The decoy is a constant (made once, not at start): it must name the same parameters as a new hash,
        // or a wrong username would answer faster or slower than a wrong password.
        String hash = new PasswordHasher().hash("a long enough passphrase");
        String params = hash.substring(0, hash.indexOf('$', hash.indexOf("m=")));
        assertTrue(PasswordHasher.DECOY.startsWith(params + "$"), PasswordHasher.DECOY + " against " + params);
        assertTrue(new PasswordHasher().matches("decoy-password-never-used", PasswordHasher.DECOY));
    }
}
