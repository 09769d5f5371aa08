package org.myview.demo;

import io.micronaut.context.annotation.Requires;
import io.micronaut.context.env.Environment;
import jakarta.inject.Singleton;
import org.myview.consultation.FormDefinition;
import org.myview.consultation.FormDefinitions;
import org.myview.review.ChildAge;
import org.myview.web.link.LinkTokens;

import org.myview.system.BulkSql;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Children's forms for the demo: on some upcoming reviews and on a few held but not yet recorded ones
 * (so the PN6 hint shows), sent with invented answers; one started; one child who asked to talk now.
 * The links' tokens are thrown away: demo links cannot be opened (an officer creates a new one to try).
 */
@Singleton
@Requires(env = Environment.DEVELOPMENT)
record ConsultationDemoData(FormDefinitions definitions) implements DemoData {

    private static final String[] WORDS = {"Playing football on Saturdays", "My foster carer makes pancakes",
            "I want more time with my brother", "Nothing really", "Maths is hard", "I like my new school",
            "My nan", "Not my dad’s new partner", "After school please", "I want to see my dog more"};

    @Override
    public int getOrder() {
        return 30;
    }

    record DemoReview(long id, LocalDate date, LocalDate dateOfBirth) {
    }

    @Override
    public void seed(BulkSql sql, LocalDate today) {
        Random random = new Random(20_261_130L);
        List<DemoReview> upcoming = reviews(sql, """
                select r.id, r.review_date, c.date_of_birth from review r join child c on c.id = r.child_id
                where r.review_date > current_date and r.review_date <= current_date + 21 order by r.review_date, r.id limit 8""");
        List<DemoReview> held = reviews(sql, """
                select r.id, r.review_date, c.date_of_birth from review r join child c on c.id = r.child_id
                where r.review_date <= current_date and r.review_date > current_date - 30
                  and not exists (select 1 from review_participation p where p.review_id = r.id)
                order by r.review_date desc, r.id limit 3""");
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
            long link = link(sql, review, today);
            if (n == 3) {
                sql.update("insert into consultation_concern (review_id, link_id) values (:reviewId, :linkId)",
                        Map.of("reviewId", review.id(), "linkId", link));
            }
            if (n == 4) {
                form(sql, link, review.id(), definition, random, false, 3);
            } else if (n != 5) {
                form(sql, link, review.id(), definition, random, true, definition.questions().size());
            }
        }
    }

    private static List<DemoReview> reviews(BulkSql sql, String query) {
        return sql.list(query, Map.of(), rs -> new DemoReview(rs.getLong(1), rs.getObject(2, LocalDate.class),
                rs.getObject(3, LocalDate.class)));
    }

    private static long link(BulkSql sql, DemoReview review, LocalDate today) {
        LocalDate until = review.date().isAfter(today) ? review.date().plusDays(1) : today.plusDays(1);
        return sql.one("""
                insert into consultation_link (review_id, token_hash, expires_at)
                values (:reviewId, :tokenHash, :expiresAt) returning id""",
                Map.of("reviewId", review.id(), "tokenHash", LinkTokens.newLink().hash(),
                        "expiresAt", until.atStartOfDay(ZoneId.of("Europe/London")).toInstant()), rs -> rs.getLong(1));
    }

    private static void form(BulkSql sql, long linkId, long reviewId, FormDefinition definition, Random random, boolean sent,
                             int answers) {
        boolean share = sent && random.nextInt(3) == 0;
        long formId = sql.one("""
                insert into consultation (link_id, review_id, definition_id, sent_at, share_with_forum)
                values (:linkId, :reviewId, :definitionId, :sentAt, :share) returning id""",
                BulkSql.values("linkId", linkId, "reviewId", reviewId, "definitionId", definition.id(),
                        "sentAt", sent ? Instant.now() : null, "share", share), rs -> rs.getLong(1));
        List<Map<String, Object>> rows = new ArrayList<>();
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
            rows.add(BulkSql.values("formId", formId, "definitionId", definition.id(), "version", definition.version(),
                    "questionId", question.id(), "answer", answer, "declined", answer == null));
        }
        sql.batch("""
                insert into consultation_answer (consultation_id, definition_id, definition_version, question_id, answer, declined)
                values (:formId, :definitionId, :version, :questionId, :answer, :declined)""", rows);
    }
}
