package org.myview.demo;

import io.micronaut.context.annotation.Requires;
import io.micronaut.context.env.Environment;
import jakarta.inject.Singleton;
import org.myview.system.BulkSql;

import java.time.LocalDate;

/**
 * The targets of the improvement plan (seed 004, action 8): physical attendance of children 4+ at
 * CP reviews from a 10.2% baseline, input directly, via an advocate or non-verbally from 9%, and
 * 25 NYAS referrals a quarter. Dev environment only.
 */
@Singleton
@Requires(env = Environment.DEVELOPMENT)
class ParticipationDemoData implements DemoData {

    @Override
    public int getOrder() {
        return 20;
    }

    @Override
    public void seed(BulkSql sql, LocalDate today) {
        sql.update("""
                insert into participation_target (measure, review_types, baseline, target, tolerance)
                values ('ATTENDED', 'ALL_CP', 10.2, 20, 5), ('CONTRIBUTED', 'ALL_CP', 9, 20, 5),
                       ('PARTICIPATED', 'CLA', 90, 95, 3), ('NYAS_REFERRALS', 'ALL', null, 25, 5)
                on conflict do nothing""");
    }
}
