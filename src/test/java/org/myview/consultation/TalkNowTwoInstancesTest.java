package org.myview.consultation;

import io.micronaut.context.ApplicationContext;
import io.micronaut.context.annotation.Property;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.myview.staff.Role;
import org.myview.support.MutableClock;
import org.myview.support.ReviewFixtures;
import org.myview.support.SharedTestDatabase;
import org.myview.support.StaffFixtures;
import org.myview.support.WebClient;
import org.myview.system.EmbeddedDatabase;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Two service instances on one database, each with its own escalation job and clock, run the escalation at
 * the same moment, again and again: every unanswered concern is sent on exactly once per period.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Property(name = "test.mutable-clock", value = "true")
@Property(name = "myview.notify.sender-enabled", value = "false")
@Property(name = "myview.talk-now.escalation-enabled", value = "false")
@Property(name = "myview.parent.jobs-enabled", value = "false")
@Property(name = "myview.talk-now.duty-inbox", value = "duty@example.org")
class TalkNowTwoInstancesTest {

    static final Instant RAISED = Instant.parse("2026-03-10T10:00:00Z");
    static final int CHILDREN = 12;

    @Inject
    EmbeddedServer server;
    @Inject
    ApplicationContext context;
    @Inject
    MutableClock clock;
    @Inject
    ConcernService first;
    @Inject
    EmbeddedDatabase database;

    private ApplicationContext secondInstance;
    private MutableClock secondClock;
    private ConcernService second;

    @BeforeAll
    void startTheSecondInstance() {
        Map<String, Object> properties = new HashMap<>(SharedTestDatabase.asExternalDatabase(database));
        properties.putAll(Map.of(
                "test.mutable-clock", "true",
                "myview.notify.sender-enabled", "false",
                "myview.talk-now.escalation-enabled", "false",
                "myview.parent.jobs-enabled", "false",
                "myview.talk-now.duty-inbox", "duty@example.org"));
        secondInstance = ApplicationContext.run(properties, "test");
        secondClock = secondInstance.getBean(MutableClock.class);
        second = secondInstance.getBean(ConcernService.class);
    }

    @AfterAll
    void stopTheSecondInstance() {
        secondInstance.close();
    }

    private void setBoth(Instant now) {
        clock.set(now);
        secondClock.set(now);
    }

    @Test
    void twoInstancesEscalatingAtTheSameMomentSendEachConcernOnOncePerPeriod() throws Exception {
        setBoth(RAISED);
        long managerId = StaffFixtures.account(context, "two.manager", Role.SERVICE_MANAGER);
        ReviewFixtures.execute(context, "update staff_account set email = 'two.manager@example.org' where id = " + managerId);
        for (int i = 1; i <= CHILDREN; i++) {
            ConsultationTestSupport.Setup setup = ConsultationTestSupport.reviewFor(context, server.getURI(), "two.officer",
                    "TWO" + i, LocalDate.of(2013, 1, 1), LocalDate.of(2026, 3, 20));
            WebClient child = new WebClient(server.getURI());
            child.get(ConsultationTestSupport.createLink(setup));
            String csrf = child.get("/consultation/q/1").inputValue("_csrf");
            assertEquals(303, child.post("/consultation/talk", "_csrf", csrf, "ways", "PHONE").status());
        }
        assertEquals(CHILDREN, ReviewFixtures.count(context, "select count(*) from consultation_concern where closed_at is null"));

        for (int period = 1; period <= 3; period++) {
            setBoth(RAISED.plus(Duration.ofHours(2L * period)));
            int escalated = race();
            assertEquals(CHILDREN, escalated, "period " + period + ": between them, the two instances sent on every concern once");
            assertEquals(0, race(), "period " + period + ": running again in the same period sends nothing");
            assertEquals(CHILDREN * period, ReviewFixtures.count(context, "select count(*) from consultation_concern_escalation"));
            assertEquals(CHILDREN, ReviewFixtures.count(context, "select count(*) from consultation_concern where escalations = " + period));
            assertEquals(CHILDREN * period, ReviewFixtures.count(context, "select count(*) from notification_outbox "
                    + "where template_key = 'consultation-concern-escalated' and recipient = 'duty@example.org'"));
            assertEquals(CHILDREN * period, ReviewFixtures.count(context, "select count(*) from notification_outbox "
                    + "where template_key = 'consultation-concern-escalated' and recipient = 'two.manager@example.org'"));
        }
    }

    /** Both instances escalate at once, five times each; returns how many concerns they escalated in all. */
    private int race() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Integer>> results = new ArrayList<>();
            for (ConcernService instance : List.of(first, second)) {
                results.add(pool.submit(() -> {
                    start.await();
                    int sum = 0;
                    for (int i = 0; i < 5; i++) {
                        sum += instance.escalateDue();
                    }
                    return sum;
                }));
            }
            start.countDown();
            int total = 0;
            for (Future<Integer> result : results) {
                total += result.get();
            }
            return total;
        } finally {
            pool.shutdown();
        }
    }
}
