package org.myview.staff;

import io.micronaut.context.annotation.Value;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;

import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import org.myview.system.Delays;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * Where password checks run (issue 22, item 1): a small pool of its own, so that Argon2id, which costs tens of
 * milliseconds of CPU and 19 MiB each, never runs on a thread that serves other requests, and an attacker
 * sending wrong passwords in parallel queues behind this pool instead of stalling the service. At most
 * {@code threads} checks run at once (by default half the processors, at least one) and {@code queue} wait;
 * beyond that an attempt is turned away at once. Answers to failed attempts are held back by a timer, never
 * by a sleeping thread.
 */
@Singleton
public class PasswordChecks {

    private final ThreadPoolExecutor pool;

    PasswordChecks(@Value("${myview.password-checks.threads:0}") int threads,
                   @Value("${myview.password-checks.queue:64}") int queue) {
        int size = threads > 0 ? threads : Math.max(1, Runtime.getRuntime().availableProcessors() / 2);
        AtomicInteger count = new AtomicInteger();
        this.pool = new ThreadPoolExecutor(size, size, 0, TimeUnit.MILLISECONDS, new ArrayBlockingQueue<>(queue), r -> {
            Thread t = new Thread(r, "password-check-" + count.incrementAndGet());
            t.setDaemon(true);
            return t;
        }, new ThreadPoolExecutor.AbortPolicy());
    }

    /** Runs the check on the pool; fails with RejectedExecutionException when the queue is full. */
    <T> CompletableFuture<T> submit(Supplier<T> check) {
        return CompletableFuture.supplyAsync(check, pool);
    }

    /** A value after a delay, with no thread waiting for it. */
    static <T> CompletableFuture<T> after(Duration delay, T value) {
        return Delays.after(delay, value);
    }

    @PreDestroy
    void close() {
        pool.shutdownNow();
    }
}
