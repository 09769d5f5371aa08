package org.myview.extract;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.myview.bench.ExtractBenchmark;
import org.myview.staff.Role;
import org.myview.support.ReviewFixtures;
import org.myview.support.StaffFixtures;
import org.myview.support.WebClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Base64;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * 5,000 children and 20,000 reviews import, and import again with no change. The times are logged, never asserted
 * (timed tests fail on a busy machine, not on slow code): docs/extracts.md keeps the measured figures and
 * {@link ExtractBenchmark} measures them on purpose.
 */
@MicronautTest(transactional = false)
class ExtractVolumeTest {

    private static final Logger LOG = LoggerFactory.getLogger(ExtractVolumeTest.class);

    @Inject
    EmbeddedServer server;
    @Inject
    ApplicationContext context;

    @Test
    void fiveThousandChildrenAndTwentyThousandReviewsImportAndTheSameExtractAgainChangesNothing() {
        StaffFixtures.account(context, "vol.manager", Role.SERVICE_MANAGER);
        ExtractBenchmark.OFFICERS.forEach(officer -> StaffFixtures.account(context, officer, Role.REVIEWING_OFFICER));
        String extract = ExtractBenchmark.extract(5_000, "VOL", LocalDate.now(ZoneId.of("Europe/London")), 0);

        long start = System.nanoTime();
        WebClient.Page first = post(extract);
        long firstMillis = (System.nanoTime() - start) / 1_000_000;
        start = System.nanoTime();
        WebClient.Page second = post(extract);
        long secondMillis = (System.nanoTime() - start) / 1_000_000;
        LOG.info("Extract of 5000 children and 20000 reviews: first import {} ms, the same again {} ms", firstMillis, secondMillis);

        assertEquals(200, first.status(), first.body());
        assertTrue(first.body().contains("\"childrenAdded\":5000"), first.body());
        assertTrue(first.body().contains("\"reviewsAdded\":20000"), first.body());
        assertEquals(200, second.status(), second.body());
        assertTrue(second.body().contains("\"childrenAdded\":0,\"childrenChanged\":0,\"officersAssigned\":0,\"reviewsAdded\":0,"
                + "\"reviewsChanged\":0,\"reviewsMoved\":0"), second.body());
        assertEquals(20_000, ReviewFixtures.count(context, "select count(*) from review where external_id like 'LCS-VOL%'"));
    }

    private WebClient.Page post(String csv) {
        WebClient api = new WebClient(server.getURI());
        String auth = "Basic " + Base64.getEncoder().encodeToString(("vol.manager:" + StaffFixtures.PASSWORD).getBytes(StandardCharsets.UTF_8));
        return api.send(api.request("/api/extracts/import").header("Authorization", auth).header("Content-Type", "text/csv")
                .POST(HttpRequest.BodyPublishers.ofString(csv)).build());
    }
}
