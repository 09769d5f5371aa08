package org.myview.demo;

import io.micronaut.context.annotation.Requires;
import io.micronaut.context.env.Environment;
import jakarta.inject.Singleton;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.LocalDate;

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
    public void seed(Connection connection, LocalDate today) throws SQLException {
        try (PreparedStatement quote = connection.prepareStatement("insert into forum_quote (consultation_id, question_id, question, "
                + "original_text, published_text, status, moderated_at) values (?, ?, ?, ?, ?, ?, ?) on conflict do nothing")) {
            long consultation = 900_000;
            for (String[] q : APPROVED) {
                add(quote, ++consultation, q, null, q[2], "APPROVED", true);
            }
            for (String[] q : PENDING) {
                add(quote, ++consultation, q, q[2], null, "PENDING", false);
            }
            quote.executeBatch();
        }
        try (PreparedStatement action = connection.prepareStatement("insert into forum_action (asked, asked_on, response, status, "
                + "updated_on) values (?, ?, ?, ?, ?)")) {
            add(action, "Young people should be able to choose where their review happens.", today.minusMonths(7),
                    "Reviewing officers now ask every young person where and when, in the My Review My View form.", "DONE", today.minusMonths(4));
            add(action, "Tell us who our reviewing officer is, with a photo.", today.minusMonths(3),
                    "Officers are writing a short letter with a photo to each young person. Half are sent.", "IN_PROGRESS", today.minusMonths(1));
            add(action, "Free bus passes for all young people in care.", today.minusMonths(2),
                    "The council cannot pay for this. We asked the bus company for a discount instead.", "NOT_POSSIBLE", today.minusWeeks(3));
            add(action, "More activities in the summer holidays.", today.minusWeeks(2), null, "NOT_STARTED", null);
            action.executeBatch();
        }
    }

    private static void add(PreparedStatement ps, long consultation, String[] q, String original, String published, String status,
                            boolean moderated) throws SQLException {
        ps.setLong(1, consultation);
        ps.setString(2, q[0]);
        ps.setString(3, q[1]);
        ps.setString(4, original);
        ps.setString(5, published);
        ps.setString(6, status);
        ps.setObject(7, moderated ? java.time.OffsetDateTime.now() : null);
        ps.addBatch();
    }

    private static void add(PreparedStatement ps, String asked, LocalDate askedOn, String response, String status, LocalDate updatedOn)
            throws SQLException {
        ps.setString(1, asked);
        ps.setDate(2, Date.valueOf(askedOn));
        ps.setString(3, response);
        ps.setString(4, status);
        ps.setDate(5, updatedOn == null ? null : Date.valueOf(updatedOn));
        ps.addBatch();
    }
}
