package org.myview.consultation;

import io.micronaut.context.ApplicationContext;
import io.micronaut.context.annotation.Property;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.myview.staff.Role;
import org.myview.support.ReviewFixtures;
import org.myview.support.StaffFixtures;

import java.time.LocalDate;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The scheduled job is wired: switched on (as in production), it erases a long-past review's answers by itself. */
@MicronautTest(transactional = false)
@Property(name = "myview.consultation.retention-enabled", value = "true")
@Property(name = "myview.consultation.retention-interval", value = "200ms")
@Property(name = "myview.consultation.retention-initial-delay", value = "0s")
@Property(name = "myview.notify.sender-enabled", value = "false")
@Property(name = "myview.parent.jobs-enabled", value = "false")
class ConsultationRetentionJobTest {

    @Inject
    ApplicationContext context;

    @Test
    void theJobErasesAnswersPastTheirRetentionOnItsOwn() throws InterruptedException {
        long officer = StaffFixtures.account(context, "job.officer", Role.REVIEWING_OFFICER);
        long child = ReviewFixtures.child(context, "JOB1", "Sam", LocalDate.of(2014, 6, 1));
        long review = ReviewFixtures.review(context, child, "CLA", LocalDate.of(2024, 1, 10), officer);
        ReviewFixtures.execute(context, "with l as (insert into consultation_link (review_id, token_hash, created_at, expires_at) "
                + "values (" + review + ", decode(md5('job1'), 'hex'), timestamptz '2024-01-01 10:00Z', timestamptz '2024-01-11 00:00Z') "
                + "returning id), c as (insert into consultation (link_id, review_id, definition_id, sent_at) select id, " + review
                + ", 'consultation-8-11', timestamptz '2024-01-05 10:00Z' from l returning id) "
                + "insert into consultation_answer (consultation_id, definition_id, definition_version, question_id, answer) "
                + "select id, 'consultation-8-11', 1, 'going-well', 'LEAKCANARY job' from c");
        long remaining = 1;
        for (int i = 0; i < 100 && remaining > 0; i++) {
            Thread.sleep(100);
            remaining = ReviewFixtures.count(context, "select count(*) from consultation_answer where answer = 'LEAKCANARY job'");
        }
        assertEquals(0, remaining, "erased by the job within 10 seconds");
        assertEquals(1, ReviewFixtures.count(context, "select count(*) from consultation where answers_erased_at is not null and review_id = " + review));
    }
}
