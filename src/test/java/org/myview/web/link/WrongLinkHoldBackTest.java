package org.myview.web.link;

import io.micronaut.context.annotation.Property;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Holding back a wrong link must not hold a thread (issue 22, items 1 and 7): with a sleeping thread per wrong
 * try, a few dozen wrong links at once park as many request threads for the whole delay.
 */
@MicronautTest(transactional = false)
@Property(name = "test.link-kind", value = "true")
@Property(name = "myview.proxy.trusted-addresses", value = "127.0.0.1,::1")
@Property(name = "myview.links.slow-down-step", value = "400ms")
class WrongLinkHoldBackTest {

    @Inject
    EmbeddedServer server;

    @Test
    void heldBackWrongTriesDoNotHoldAThreadEach() throws Exception {
        HttpClient client = HttpClient.newHttpClient();
        String address = "10.9.8.7";
        int before = serverRequestThreads();
        List<CompletableFuture<HttpResponse<Void>>> pending = new ArrayList<>();
        for (int i = 0; i < 48; i++) {
            pending.add(client.sendAsync(HttpRequest.newBuilder(server.getURI().resolve("/test-link/link/EEEEEEEEEEEEEEEEEEEE" + (10 + i)))
                    .header("X-Forwarded-For", address).GET().build(), HttpResponse.BodyHandlers.discarding()));
        }
        int most = before;
        for (int i = 0; i < 1200 && !pending.stream().allMatch(CompletableFuture::isDone); i++) {
            Thread.sleep(50);
            most = Math.max(most, serverRequestThreads());
        }
        for (CompletableFuture<HttpResponse<Void>> request : pending) {
            int status = request.get(60, TimeUnit.SECONDS).statusCode();
            assertTrue(status == 404 || status == 429, "status " + status);
        }
        assertEquals(0, most - before, "threads asleep in the link code went from " + before + " to " + most);
        assertEquals(48, pending.size());
    }

    /** Threads asleep inside the link code: each one is a request thread held for the whole delay. */
    private static int serverRequestThreads() {
        return (int) Thread.getAllStackTraces().values().stream()
                .filter(stack -> Arrays.stream(stack).anyMatch(f -> f.getClassName().equals("java.lang.Thread") && f.getMethodName().startsWith("sleep")))
                .filter(stack -> Arrays.stream(stack).anyMatch(f -> f.getClassName().startsWith("org.myview.web.link.")))
                .count();
    }
}
