package org.myview.system;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;

/** Holding an answer back (a wrong password, a wrong link) without a thread waiting for it. */
public final class Delays {

    private Delays() {
    }

    /** The value after the delay, completed by the JDK's shared timer; no thread sleeps. */
    public static <T> CompletableFuture<T> after(Duration delay, T value) {
        if (delay.isZero() || delay.isNegative()) {
            return CompletableFuture.completedFuture(value);
        }
        Executor timer = CompletableFuture.delayedExecutor(delay.toMillis(), TimeUnit.MILLISECONDS, Runnable::run);
        return CompletableFuture.supplyAsync(() -> value, timer);
    }
}
