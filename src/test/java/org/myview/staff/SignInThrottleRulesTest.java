package org.myview.staff;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The sign-in throttle's rules that need no database: whose count a failure goes to, and how long it waits. */
class SignInThrottleRulesTest {

    @Test
    void aUsernameCountsTheSameWhateverItsCaseOrSpaces() {
        assertEquals("iro.one", SignInThrottle.key("  IRO.One "));
        assertEquals(SignInThrottle.key("iro.one"), SignInThrottle.key("Iro.One"));
    }

    @Test
    void noUsernameIsTheEmptyKeyNotAnError() {
        assertEquals("", SignInThrottle.key(null));
        assertEquals("", SignInThrottle.key("   "));
    }

    @Test
    void anOverlongUsernameIsCutSoItCannotFillTheTable() {
        String key = SignInThrottle.key("a".repeat(5000));
        assertEquals(200, key.length());
        assertEquals(key, SignInThrottle.key("A".repeat(201)));
    }

    @Test
    void theFirstTwoFailuresAreAnsweredAtOnceThenASecondMoreEachUpToThree() {
        assertEquals(Duration.ZERO, SignInThrottle.slowDown(0));
        assertEquals(Duration.ZERO, SignInThrottle.slowDown(2));
        assertEquals(Duration.ofSeconds(1), SignInThrottle.slowDown(3));
        assertEquals(Duration.ofSeconds(2), SignInThrottle.slowDown(4));
        assertEquals(Duration.ofSeconds(3), SignInThrottle.slowDown(5));
        assertEquals(Duration.ofSeconds(3), SignInThrottle.slowDown(50));
        assertEquals(Duration.ofSeconds(3), SignInThrottle.slowDown(Integer.MAX_VALUE), "no overflow for the locked case");
    }

    @Test
    void aLockHoldsUntilItsEndAndNotAfter() {
        Instant until = Instant.parse("2026-12-06T22:00:00Z");
        SignInThrottle.State locked = new SignInThrottle.State(5, until);

        assertTrue(locked.lockedAt(until.minusSeconds(1)));
        assertFalse(locked.lockedAt(until));
        assertFalse(new SignInThrottle.State(2, null).lockedAt(until));
    }
}
