package org.myview.demo;

import io.micronaut.context.annotation.Requires;
import io.micronaut.context.env.Environment;
import jakarta.inject.Singleton;
import org.myview.system.BulkSql;

import java.time.LocalDate;
import java.util.Map;

/**
 * Three paper My Review My View booklets received before recent held reviews (issue 15, item 4), so a newcomer
 * sees "Views received another way" on a review page and counted on the dashboard. Reviews of children of 4 or
 * over with an officer and no sent online form. Dev environment only.
 */
@Singleton
@Requires(env = Environment.DEVELOPMENT)
class ReceivedDemoData implements DemoData {

    static final int BOOKLETS = 3;

    @Override
    public int getOrder() {
        return 35; // after the children's online forms (30), so a booklet goes where no form was sent
    }

    @Override
    public void seed(BulkSql sql, LocalDate today) {
        sql.update("""
                insert into views_received (review_id, channel, received_on, recorded_by)
                select r.id, 'PAPER_BOOKLET', r.review_date - 2, r.reviewing_officer_id
                from review r join child c on c.id = r.child_id
                where r.review_date <= :today and r.review_date > :since and r.reviewing_officer_id is not null
                  and child_age(c.date_of_birth, r.review_date) >= 4
                  and not exists (select 1 from consultation k where k.review_id = r.id and k.sent_at is not null)
                order by r.review_date desc, r.id limit :booklets
                """, Map.of("today", today, "since", today.minusDays(120), "booklets", BOOKLETS));
    }
}
