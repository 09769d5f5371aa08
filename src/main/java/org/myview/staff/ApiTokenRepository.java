package org.myview.staff;

import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Personal API tokens, by hash only. */
@JdbcRepository(dialect = Dialect.POSTGRES)
interface ApiTokenRepository extends GenericRepository<ApiToken, Long> {

    String COLUMNS = "t.id, t.account_id, t.name, t.scope, t.created_at, t.expires_at, t.last_used_at, t.revoked_at";

    /** A token found by its hash, with what a request needs of its account (roles as the database holds them). */
    @Introspected
    record Presented(long id, ApiScope scope, Instant expiresAt, @Nullable Instant revokedAt, long accountId, String username,
                     String displayName, boolean disabled, String[] roles) {
    }

    @Query("""
            with inserted as (insert into api_token (account_id, name, scope, token_hash, created_at, created_by, expires_at)
              values (:accountId, :name, :scope, :tokenHash, :createdAt, :createdBy, :expiresAt) returning id)
            select id from inserted""")
    long insert(long accountId, String name, String scope, byte[] tokenHash, Instant createdAt, @Nullable Long createdBy,
                Instant expiresAt);

    @Query("select " + COLUMNS + " from api_token t where t.account_id = :accountId order by t.created_at desc, t.id desc")
    List<ApiToken> ofAccount(long accountId);

    @Query("select " + COLUMNS + " from api_token t where t.id = :id and t.account_id = :accountId")
    Optional<ApiToken> find(long id, long accountId);

    /** Revokes once: a second revocation keeps the first time and who did it. */
    @Query("""
            update api_token set revoked_at = :at, revoked_by = :by
            where id = :id and account_id = :accountId and revoked_at is null""")
    int revoke(long id, long accountId, Instant at, @Nullable Long by);

    /** One indexed lookup per API request: the token, its account and the account's roles. */
    @Query("""
            select t.id, t.scope, t.expires_at, t.revoked_at, a.id as account_id, a.username, a.display_name, a.disabled,
              coalesce((select array_agg(r.role) from staff_role r where r.account_id = a.id), '{}') as roles
            from api_token t join staff_account a on a.id = t.account_id
            where t.token_hash = :tokenHash""")
    Optional<Presented> presented(byte[] tokenHash);

    /** "Last used" to the minute: a token polled every second does not rewrite its row every second. */
    @Query("""
            update api_token set last_used_at = :at
            where id = :id and (last_used_at is null or last_used_at < cast(:at as timestamptz) - interval '1 minute')""")
    void used(long id, Instant at);
}
