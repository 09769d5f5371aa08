package org.myview.system;

import io.micronaut.context.annotation.Requires;
import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import io.micronaut.core.annotation.Order;
import io.micronaut.core.order.Ordered;
import io.micronaut.flyway.FlywayConfigurationProperties;
import jakarta.inject.Provider;
import jakarta.inject.Singleton;

/**
 * Gives the migrations of the embedded PostgreSQL their own connection, as the owner of the schema
 * ({@link DatabaseRoles#OWNER}): micronaut-flyway migrates through {@code flyway.datasources.default.url},
 * {@code user} and {@code password} when they are set, and the service's datasource keeps its data-only role
 * ({@link EmbeddedDatasourceConfigurer}). An external database sets the same three properties itself
 * (docs/runbook.md, "Database roles").
 *
 * <p>A created-bean listener ordered first, as micronaut-flyway's own migrates from one too: this configuration
 * has no post-construct step, so a bean-initialized listener is never called for it.
 */
@Singleton
@Order(Ordered.HIGHEST_PRECEDENCE)
@Requires(missingProperty = "datasources.default.url")
record EmbeddedFlywayConfigurer(Provider<EmbeddedDatabase> embeddedDatabase) implements BeanCreatedEventListener<FlywayConfigurationProperties>, Ordered {

    @Override
    public FlywayConfigurationProperties onCreated(BeanCreatedEvent<FlywayConfigurationProperties> event) {
        FlywayConfigurationProperties configuration = event.getBean();
        if ("default".equals(configuration.getNameQualifier()) && configuration.isEnabled()
                && !configuration.hasAlternativeDatabaseConfiguration()) {
            EmbeddedDatabase database = embeddedDatabase.get();
            configuration.setUrl(database.jdbcUrl());
            configuration.setUser(database.ownerUsername());
            configuration.setPassword(database.ownerPassword());
        }
        return configuration;
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }
}
