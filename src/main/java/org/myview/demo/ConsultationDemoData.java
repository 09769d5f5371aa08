package org.myview.demo;

import io.micronaut.context.annotation.Requires;
import io.micronaut.context.env.Environment;
import jakarta.inject.Singleton;
import org.myview.consultation.FormDefinition;
import org.myview.consultation.FormDefinitions;
import org.myview.review.ChildAge;
import org.myview.web.link.LinkTokens;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Children's forms for the demo: on some upcoming reviews and on a few held but not yet recorded ones
 * (so the PN6 hint shows), sent with invented answers; one started; one child who asked to talk now.
 * The links' tokens are thrown away: demo links cannot be opened (an officer creates a new one to try).
 */
@Singleton
@Requires(env = Environment.DEVELOPMENT)
class ConsultationDemoData implements DemoData {

    private static final String[] WORDS = {"Playing football on Saturdays", "My foster carer makes pancakes",
            "I want more time with my brother", "Nothing really", "Maths is hard", "I like my new school",
            "My nan", "Not my dad’s new partner", "After school please", "I want to see my dog more"};

    private final FormDefinitions definitions;

    ConsultationDemoData(FormDefinitions definitions) {
        this.definitions = definitions;
    }

    @Override
    public int getOrder() {
        return 30;
    }

    record DemoReview(long id, LocalDate date, LocalDate dateOfBirth) {
    }

    @Override
    public void seed(Connection connection, LocalDate today) throws SQLException {
        Random random = new Random(20_261_130L);
        List<DemoReview> upcoming = reviews(connection, "select r.id, r.review_date, c.date_of_birth from review r join child c on c.id = r.child_id "
                + "where r.review_date > current_date and r.review_date <= current_date + 21 order by r.review_date, r.id limit 8");
        List<DemoReview> held = reviews(connection, "select r.id, r.review_date, c.date_of_birth from review r join child c on c.id = r.child_id "
                + "where r.review_date <= current_date and r.review_date > current_date - 30 and not exists "
                + "(select 1 from review_participation p where p.review_id = r.id) order by r.review_date desc, r.id limit 3");
        List<DemoReview> all = new ArrayList<>(held);
        all.addAll(upcoming);
        int n = 0;
        for (DemoReview review : all) {
            int age = ChildAge.yearsOn(review.dateOfBirth(), review.date());
            if (age < 4) {
                continue;
            }
            n++;
            FormDefinition definition = definitions.forAge(age);
            long link = link(connection, review, today);
            if (n == 3) {
                concern(connection, review.id(), link);
            }
            if (n == 4) {
                form(connection, link, review.id(), definition, random, false, 3);
            } else if (n != 5) {
                form(connection, link, review.id(), definition, random, true, definition.questions().size());
            }
        }
    }

    private static List<DemoReview> reviews(Connection connection, String sql) throws SQLException {
        List<DemoReview> list = new ArrayList<>();
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                list.add(new DemoReview(rs.getLong(1), rs.getDate(2).toLocalDate(), rs.getDate(3).toLocalDate()));
            }
        }
        return list;
    }

    private static long link(Connection connection, DemoReview review, LocalDate today) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("insert into consultation_link (review_id, token_hash, expires_at) "
                + "values (?, ?, ?) returning id")) {
            ps.setLong(1, review.id());
            ps.setBytes(2, LinkTokens.newLink().hash());
            LocalDate until = review.date().isAfter(today) ? review.date().plusDays(1) : today.plusDays(1);
            ps.setTimestamp(3, Timestamp.from(until.atStartOfDay(ZoneId.of("Europe/London")).toInstant()));
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static void concern(Connection connection, long reviewId, long linkId) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("insert into consultation_concern (review_id, link_id) values (?, ?)")) {
            ps.setLong(1, reviewId);
            ps.setLong(2, linkId);
            ps.executeUpdate();
        }
    }

    private static void form(Connection connection, long linkId, long reviewId, FormDefinition definition, Random random,
                             boolean sent, int answers) throws SQLException {
        boolean share = sent && random.nextInt(3) == 0;
        long formId;
        try (PreparedStatement ps = connection.prepareStatement("insert into consultation (link_id, review_id, definition_id, sent_at, "
                + "share_with_forum) values (?, ?, ?, ?, ?) returning id")) {
            ps.setLong(1, linkId);
            ps.setLong(2, reviewId);
            ps.setString(3, definition.id());
            ps.setTimestamp(4, sent ? new Timestamp(System.currentTimeMillis()) : null);
            ps.setBoolean(5, share);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                formId = rs.getLong(1);
            }
        }
        try (PreparedStatement ps = connection.prepareStatement("insert into consultation_answer (consultation_id, definition_id, "
                + "definition_version, question_id, answer, declined) values (?, ?, ?, ?, ?, ?)")) {
            for (FormDefinition.Question question : definition.questions().subList(0, answers)) {
                String answer;
                if (question.id().equals(FormDefinition.SHARE_QUESTION)) {
                    answer = share ? "yes" : "no";
                } else if (random.nextInt(6) == 0) {
                    answer = null;
                } else if (question.isText()) {
                    answer = WORDS[random.nextInt(WORDS.length)];
                } else {
                    answer = question.allowed().get(random.nextInt(question.allowed().size()));
                }
                ps.setLong(1, formId);
                ps.setString(2, definition.id());
                ps.setInt(3, definition.version());
                ps.setString(4, question.id());
                ps.setString(5, answer);
                ps.setBoolean(6, answer == null);
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

}
