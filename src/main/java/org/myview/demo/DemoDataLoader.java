package org.myview.demo;

import io.micronaut.context.annotation.Requires;
import io.micronaut.context.env.Environment;
import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.core.order.OrderUtil;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import org.myview.system.BulkSql;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Fills an empty database with the synthetic demo set when the service runs in the dev
 * environment ({@code ./mvnw mn:run}). Never present in production: the bean requires "dev".
 */
@Singleton
@Requires(env = Environment.DEVELOPMENT)
class DemoDataLoader implements ApplicationEventListener<StartupEvent> {

    private static final Logger LOG = LoggerFactory.getLogger(DemoDataLoader.class);

    private final TransactionOperations<Connection> transactions;
    private final BulkSql sql;
    private final List<DemoData> parts;
    private final Clock clock;

    DemoDataLoader(TransactionOperations<Connection> transactions, BulkSql sql, List<DemoData> parts, Clock clock) {
        this.transactions = transactions;
        this.sql = sql;
        this.parts = new ArrayList<>(parts);
        OrderUtil.sort(this.parts);
        this.clock = clock;
    }

    @Override
    public void onApplicationEvent(StartupEvent event) {
        boolean seeded = transactions.executeWrite(status -> {
            if (sql.one("select exists (select 1 from child)", Map.of(), rs -> rs.getBoolean(1))) {
                return false;
            }
            LocalDate today = LocalDate.now(clock);
            for (DemoData part : parts) {
                part.seed(sql, today);
            }
            return true;
        });
        if (seeded) {
            LOG.info("Demo data loaded (dev environment only)");
        }
    }
}
