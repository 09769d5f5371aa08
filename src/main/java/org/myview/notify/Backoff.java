package org.myview.notify;

import java.time.Duration;

/** Exponential back-off: base, 2 x base, 4 x base... never more than max. */
final class Backoff {

    private Backoff() {
    }

    static Duration after(int attempts, Duration base, Duration max) {
        int doublings = Math.max(0, Math.min(attempts - 1, 30));
        Duration wait = base.multipliedBy(1L << doublings);
        return wait.compareTo(max) > 0 ? max : wait;
    }
}
