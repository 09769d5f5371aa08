package org.myview.system;

import io.micronaut.configuration.jdbc.hikari.DatasourceConfiguration;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.event.BeanInitializingEvent;
import io.micronaut.context.event.BeanInitializedEventListener;
import jakarta.inject.Provider;
import jakarta.inject.Singleton;

/**
 * Points the default datasource at the embedded PostgreSQL when no URL is configured. It runs
 * before the configuration's own checks (which reject a missing URL), so the connection pool and
 * Flyway are created against the embedded server.
 */
@Singleton
@Requires(missingProperty = "datasources.default.url")
record EmbeddedDatasourceConfigurer(Provider<EmbeddedDatabase> embeddedDatabase) implements BeanInitializedEventListener<DatasourceConfiguration> {

    @Override
    public DatasourceConfiguration onInitialized(BeanInitializingEvent<DatasourceConfiguration> event) {
        DatasourceConfiguration configuration = event.getBean();
        if ("default".equals(configuration.getName())) {
            EmbeddedDatabase database = embeddedDatabase.get();
            configuration.setJdbcUrl(database.jdbcUrl());
            configuration.setUsername(database.username());
            configuration.setPassword(database.password());
        }
        return configuration;
    }
}
