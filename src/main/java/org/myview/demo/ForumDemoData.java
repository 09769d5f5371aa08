package org.myview.demo;

import io.micronaut.context.annotation.Requires;
import io.micronaut.context.env.Environment;
import jakarta.inject.Singleton;

import org.myview.system.BulkSql;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reach Out! in the demo: children's words already approved (what the forum sees), some waiting for the
 * participation lead to check (one with a school name to edit out), and a "You said, we did" list. All invented.
 * Dev environment only.
 */
@Singleton
@Requires(env = Environment.DEVELOPMENT)
class ForumDemoData implements DemoData {

    static final String[][] APPROVED = {
            {"going-well", "What is going well?", "I like my new room and I can have friends over at the weekend."},
            {"going-well", "What is going well?", "Football on Saturdays. My carer comes to watch."},
            {"worries", "What worries you or needs sorting out?", "I don’t always know who my social worker is. It keeps changing."},
            {"worries", "What worries you or needs sorting out?", "Seeing my brother more than once a month."},
            {"review", "Who do you want at your review, and where?", "Not at school please. Somewhere quiet, after school."},
    };
    static final String[][] PENDING = {
            {"worries", "What worries you or needs sorting out?", "The bus to Ashgrove Academy takes an hour and I am always late."},
            {"anything-else", "Is there anything else you want to say?", "I want to chair my own review next time."},
            {"going-well", "What is going well?", "My maths is getting better."},
    };

    @Override
    public int getOrder() {
        return 40;
    }

    @Override
    public void seed(BulkSql sql, LocalDate today) {
        List<Map<String, Object>> quotes = new ArrayList<>();
        long consultation = 900_000;
        for (String[] q : APPROVED) {
            quotes.add(quote(++consultation, q, null, q[2], "APPROVED", true));
        }
        for (String[] q : PENDING) {
            quotes.add(quote(++consultation, q, q[2], null, "PENDING", false));
        }
        sql.batch("""
                insert into forum_quote (consultation_id, question_id, question, original_text, published_text, status, moderated_at)
                values (:consultationId, :questionId, :question, :originalText, :publishedText, :status, :moderatedAt)
                on conflict do nothing""", quotes);
        sql.batch("""
                insert into forum_action (asked, asked_on, response, status, updated_on)
                values (:asked, :askedOn, :response, :status, :updatedOn)""", List.of(
                action("Young people should be able to choose where their review happens.", today.minusMonths(7),
                        "Reviewing officers now ask every young person where and when, in the My Review My View form.", "DONE",
                        today.minusMonths(4)),
                action("Tell us who our reviewing officer is, with a photo.", today.minusMonths(3),
                        "Officers are writing a short letter with a photo to each young person. Half are sent.", "IN_PROGRESS",
                        today.minusMonths(1)),
                action("Free bus passes for all young people in care.", today.minusMonths(2),
                        "The council cannot pay for this. We asked the bus company for a discount instead.", "NOT_POSSIBLE",
                        today.minusWeeks(3)),
                action("More activities in the summer holidays.", today.minusWeeks(2), null, "NOT_STARTED", null)));
    }

    private static Map<String, Object> quote(long consultation, String[] q, String original, String published, String status,
                                             boolean moderated) {
        return BulkSql.values("consultationId", consultation, "questionId", q[0], "question", q[1], "originalText", original,
                "publishedText", published, "status", status, "moderatedAt", moderated ? Instant.now() : null);
    }

    private static Map<String, Object> action(String asked, LocalDate askedOn, String response, String status, LocalDate updatedOn) {
        return BulkSql.values("asked", asked, "askedOn", askedOn, "response", response, "status", status, "updatedOn", updatedOn);
    }
}
