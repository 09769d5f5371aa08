package org.myview.system;

import io.micronaut.context.ApplicationContext;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.event.ApplicationEventPublisher;
import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.naming.NameResolver;
import io.micronaut.flyway.DataSourceMigrationRunner;
import io.micronaut.flyway.FlywayConfigurationProperties;
import io.micronaut.inject.qualifiers.Qualifiers;
import io.micronaut.jdbc.DataSourceResolver;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;
import java.util.Optional;

/**
 * Migrations through the owner's connection only. When {@code flyway.datasources.default.url} is set,
 * micronaut-flyway's {@code AlternativeMigrationRunner} migrates through it as soon as that configuration is
 * created, and its {@code DataSourceMigrationRunner} would then migrate a second time through the service's
 * datasource, whose role may not create or change anything (V111). This runner makes sure the owner's
 * migration has run before the service's datasource is handed to anyone, and does not run a second one.
 * Without that URL (one role for everything) it migrates through the datasource as before.
 */
@Singleton
@Replaces(DataSourceMigrationRunner.class)
class OwnerMigrationRunner extends DataSourceMigrationRunner {

    private static final Logger LOG = LoggerFactory.getLogger(OwnerMigrationRunner.class);

    private final ApplicationContext context;

    OwnerMigrationRunner(ApplicationContext context, ApplicationEventPublisher<Object> eventPublisher,
                         @Nullable DataSourceResolver dataSourceResolver) {
        super(context, eventPublisher, dataSourceResolver);
        this.context = context;
    }

    @Override
    public DataSource onCreated(BeanCreatedEvent<DataSource> event) {
        Optional<FlywayConfigurationProperties> configuration = event.getBeanDefinition() instanceof NameResolver named
                // Finding the configuration creates it if need be, and with an owner's URL its creation migrates.
                ? named.resolveName().flatMap(name -> context.findBean(FlywayConfigurationProperties.class, Qualifiers.byName(name)))
                : Optional.empty();
        if (configuration.filter(FlywayConfigurationProperties::hasAlternativeDatabaseConfiguration).isPresent()) {
            return event.getBean();
        }
        if (configuration.filter(FlywayConfigurationProperties::isEnabled).isPresent()) {
            LOG.warn("Migrations run through the service's own connection, so its role owns the tables and could change "
                    + "the audit trail: give them the owner's (FLYWAY_DATASOURCES_DEFAULT_URL, _USER, _PASSWORD; "
                    + "docs/runbook.md, \"Database roles\")");
        }
        return super.onCreated(event);
    }
}
