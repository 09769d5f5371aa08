package org.myview.system;

import io.micronaut.core.annotation.Introspected;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.util.Optional;

/** The service_secret table: signing keys every instance shares. */
@JdbcRepository(dialect = Dialect.POSTGRES)
interface ServiceSecretRepository extends GenericRepository<ServiceSecretRepository.Secret, String> {

    @Introspected
    record Secret(String name, byte[] secret) {
    }

    /** Stores {@code secret} unless the name has one already (another instance may have stored it first). */
    @Query("insert into service_secret (name, secret) values (:name, :secret) on conflict (name) do nothing")
    void insertIfAbsent(String name, byte[] secret);

    @Query("select name, secret from service_secret where name = :name")
    Optional<Secret> read(String name);
}
