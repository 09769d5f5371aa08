package org.myview.staff;

import io.micronaut.context.annotation.Property;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.myview.support.WebClient;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 22, item 1: nothing a client sends without a session may slow other requests. 32 clients send wrong
 * HTTP Basic passwords (a new username each time, so no lock stops the Argon2id work, and the per-address
 * limit raised so it does not either); meanwhile /health must answer within 100 ms. On the code before the
 * fix, the check and a Thread.sleep ran on request threads and /health took seconds.
 */
@MicronautTest(transactional = false)
@Property(name = "myview.session.failures-per-address", value = "1000000")
class UnauthenticatedStallTest {

    private static final int ATTACKERS = 32;

    @Inject
    EmbeddedServer server;

    @Test
    void healthStaysFastWhile32ClientsSendWrongBasicPasswords() throws Exception {
        URI base = server.getURI();
        WebClient health = new WebClient(base);
        health.get("/health"); // warmed up
        List<Long> baseline = timeHealth(health, 20);
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        AtomicBoolean stop = new AtomicBoolean();
        AtomicInteger attempts = new AtomicInteger();
        AtomicInteger refusals = new AtomicInteger();
        ExecutorService attackers = Executors.newFixedThreadPool(ATTACKERS);
        CountDownLatch started = new CountDownLatch(ATTACKERS);
        for (int i = 0; i < ATTACKERS; i++) {
            int attacker = i;
            attackers.submit(() -> {
                started.countDown();
                int n = 0;
                while (!stop.get()) {
                    HttpRequest request = HttpRequest.newBuilder(base.resolve("/api/me"))
                            .header("Authorization", ApiBasicAuthTest.basic("stall-" + attacker + "-" + n++, "LEAKCANARY-stall-pass"))
                            .timeout(Duration.ofSeconds(30)).GET().build();
                    try {
                        HttpResponse<Void> response = http.send(request, HttpResponse.BodyHandlers.discarding());
                        attempts.incrementAndGet();
                        if (response.statusCode() == 401) {
                            refusals.incrementAndGet();
                        }
                    } catch (Exception e) {
                        if (!stop.get()) {
                            attempts.incrementAndGet();
                        }
                    }
                }
                return null;
            });
        }
        started.await();
        Thread.sleep(1500); // the attack is in full swing: the password pool is busy and its queue full
        List<Long> millis;
        try {
            millis = timeHealth(health, 40);
        } finally {
            stop.set(true);
            attackers.shutdown();
            attackers.awaitTermination(60, TimeUnit.SECONDS);
        }
        long baselineP90 = percentile(baseline, 90);
        System.out.println("UnauthenticatedStallTest: /health ms without attack: median " + percentile(baseline, 50)
                + ", p90 " + baselineP90 + "; under attack by " + ATTACKERS + " clients: median " + percentile(millis, 50)
                + ", p90 " + percentile(millis, 90) + ", max " + percentile(millis, 100)
                + "; wrong-password attempts answered: " + attempts.get() + " (401: " + refusals.get() + ")");
        assertTrue(refusals.get() >= 8, "the attack ran: " + refusals.get());
        // Before the fix /health took seconds under this attack, every time (four attackers: 4 s). The machine that
        // builds is shared with other builds (load averages of 20 to 40 on two cores were seen), so what /health
        // costs there anyway, just before the attack, is allowed on top of the 100 ms; on a quiet machine that
        // baseline is a few milliseconds and the bound is the 100 ms.
        long baselineMedian = percentile(baseline, 50);
        assertTrue(percentile(millis, 50) < 100 + baselineMedian, "/health median under attack: " + millis + ", baseline " + baseline);
        assertTrue(percentile(millis, 90) < 100 + baselineP90, "/health p90 under attack: " + millis + ", baseline " + baseline);
    }

    private static List<Long> timeHealth(WebClient health, int samples) throws InterruptedException {
        List<Long> millis = new ArrayList<>();
        for (int i = 0; i < samples; i++) {
            long start = System.nanoTime();
            WebClient.Page page = health.get("/health");
            millis.add((System.nanoTime() - start) / 1_000_000);
            assertEquals(200, page.status());
            Thread.sleep(50);
        }
        return millis;
    }

    private static long percentile(List<Long> values, int percent) {
        List<Long> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(Math.min(sorted.size() - 1, sorted.size() * percent / 100));
    }
}
