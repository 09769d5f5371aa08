package org.myview.staff;

import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Staff accounts, their roles and their set-password links, in SQL. */
@JdbcRepository(dialect = Dialect.POSTGRES)
interface StaffAccountRepository extends GenericRepository<StaffAccountRepository.AccountRow, Long> {

    String SELECT = """
            select a.id, a.username, a.display_name, a.email, a.disabled, a.session_epoch,
              a.password_hash is not null as has_password, a.last_sign_in_at,
              coalesce(array_agg(r.role) filter (where r.role is not null), '{}') as roles
            from staff_account a left join staff_role r on r.account_id = a.id
            """;

    /** An account as {@link #SELECT} reads it, roles as the database holds them. */
    @Introspected
    record AccountRow(long id, String username, String displayName, @Nullable String email, boolean disabled, int sessionEpoch,
                      boolean hasPassword, @Nullable Instant lastSignInAt, String[] roles) {

        StaffAccount account() {
            Set<Role> set = EnumSet.noneOf(Role.class);
            for (String role : roles) {
                set.add(Role.valueOf(role));
            }
            return new StaffAccount(id, username, displayName, email, set, disabled, sessionEpoch, hasPassword, lastSignInAt);
        }
    }

    default Optional<StaffAccount> findById(long id) {
        return rowById(id).map(AccountRow::account);
    }

    @Query(SELECT + "where a.id = :id group by a.id")
    Optional<AccountRow> rowById(long id);

    default Optional<StaffAccount> findByUsername(String username) {
        return rowByUsername(username).map(AccountRow::account);
    }

    @Query(SELECT + "where lower(a.username) = lower(:username) group by a.id")
    Optional<AccountRow> rowByUsername(String username);

    default List<StaffAccount> findAll() {
        return allRows().stream().map(AccountRow::account).toList();
    }

    @Query(SELECT + "group by a.id order by lower(a.display_name)")
    List<AccountRow> allRows();

    default List<StaffAccount> findByRole(Role role) {
        return rowsWithRole(role.name()).stream().map(AccountRow::account).toList();
    }

    @Query(SELECT + """
            where a.id in (select account_id from staff_role where role = :role)
            group by a.id order by lower(a.display_name)""")
    List<AccountRow> rowsWithRole(String role);

    @Query("select password_hash from staff_account where id = :accountId and password_hash is not null")
    Optional<String> passwordHash(long accountId);

    @Query("""
            with inserted as (insert into staff_account (username, display_name, email)
              values (:username, :displayName, :email) returning id)
            select id from inserted""")
    long insert(String username, String displayName, @Nullable String email);

    default void setRoles(long accountId, Set<Role> roles) {
        deleteRoles(accountId);
        for (Role role : roles) {
            addRole(accountId, role.name());
        }
    }

    @Query("delete from staff_role where account_id = :accountId")
    void deleteRoles(long accountId);

    @Query("insert into staff_role (account_id, role) values (:accountId, :role)")
    void addRole(long accountId, String role);

    /** A new password voids every session signed in before it. */
    @Query("update staff_account set password_hash = :hash, session_epoch = session_epoch + 1 where id = :accountId")
    void setPasswordHash(long accountId, String hash);

    @Query("update staff_account set disabled = :disabled, session_epoch = session_epoch + 1 where id = :accountId")
    void setDisabled(long accountId, boolean disabled);

    @Query("update staff_account set session_epoch = session_epoch + 1 where id = :accountId")
    void bumpSessionEpoch(long accountId);

    @Query("update staff_account set last_sign_in_at = :at where id = :accountId")
    void recordSignIn(long accountId, Instant at);

    default long countActiveWithRole(Role role) {
        return countActiveWithRole(role.name());
    }

    @Query("select count(*) from staff_account a join staff_role r on r.account_id = a.id where r.role = :role and not a.disabled")
    long countActiveWithRole(String role);

    /** A new link ends the account's earlier unused links. */
    @Query("update set_password_link set expires_at = least(expires_at, :now) where account_id = :accountId and used_at is null")
    void expireLinks(long accountId, Instant now);

    @Query("""
            insert into set_password_link (account_id, token_hash, created_by, expires_at)
            values (:accountId, :tokenHash, :createdBy, :expiresAt)""")
    void insertLink(long accountId, byte[] tokenHash, @Nullable Long createdBy, Instant expiresAt);

    @Query("select account_id from set_password_link where token_hash = :tokenHash and used_at is null and expires_at > :now")
    Optional<Long> accountForLink(byte[] tokenHash, Instant now);

    @Query("update set_password_link set used_at = :now where token_hash = :tokenHash and used_at is null")
    int useLink(byte[] tokenHash, Instant now);
}
