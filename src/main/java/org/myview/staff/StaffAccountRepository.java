package org.myview.staff;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.sql.Array;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Staff accounts and their roles, in SQL. */
@Singleton
@Transactional
class StaffAccountRepository {

    private static final String SELECT = "select a.id, a.username, a.display_name, a.email, a.disabled, a.session_epoch, "
            + "a.password_hash is not null as has_password, a.last_sign_in_at, "
            + "coalesce(array_agg(r.role) filter (where r.role is not null), '{}') as roles "
            + "from staff_account a left join staff_role r on r.account_id = a.id ";

    private final JdbcOperations jdbc;

    StaffAccountRepository(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    Optional<StaffAccount> findById(long id) {
        return one(SELECT + "where a.id = ? group by a.id", ps -> ps.setLong(1, id));
    }

    Optional<StaffAccount> findByUsername(String username) {
        return one(SELECT + "where lower(a.username) = lower(?) group by a.id", ps -> ps.setString(1, username));
    }

    List<StaffAccount> findAll() {
        return jdbc.prepareStatement(SELECT + "group by a.id order by lower(a.display_name)", ps -> {
            List<StaffAccount> accounts = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    accounts.add(map(rs));
                }
            }
            return accounts;
        });
    }

    List<StaffAccount> findByRole(Role role) {
        return jdbc.prepareStatement(SELECT + "where a.id in (select account_id from staff_role where role = ?) "
                + "group by a.id order by lower(a.display_name)", ps -> {
            ps.setString(1, role.name());
            List<StaffAccount> accounts = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    accounts.add(map(rs));
                }
            }
            return accounts;
        });
    }

    Optional<String> passwordHash(long accountId) {
        return jdbc.prepareStatement("select password_hash from staff_account where id = ?", ps -> {
            ps.setLong(1, accountId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.ofNullable(rs.getString(1)) : Optional.empty();
            }
        });
    }

    long insert(String username, String displayName, String email) {
        return jdbc.prepareStatement("insert into staff_account (username, display_name, email) values (?, ?, ?) returning id", ps -> {
            ps.setString(1, username);
            ps.setString(2, displayName);
            ps.setString(3, email);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }

    void setRoles(long accountId, Set<Role> roles) {
        jdbc.prepareStatement("delete from staff_role where account_id = ?", ps -> {
            ps.setLong(1, accountId);
            return ps.executeUpdate();
        });
        for (Role role : roles) {
            jdbc.prepareStatement("insert into staff_role (account_id, role) values (?, ?)", ps -> {
                ps.setLong(1, accountId);
                ps.setString(2, role.name());
                return ps.executeUpdate();
            });
        }
    }

    /** A new password voids every session signed in before it. */
    void setPasswordHash(long accountId, String hash) {
        update("update staff_account set password_hash = ?, session_epoch = session_epoch + 1 where id = ?", ps -> {
            ps.setString(1, hash);
            ps.setLong(2, accountId);
        });
    }

    void setDisabled(long accountId, boolean disabled) {
        update("update staff_account set disabled = ?, session_epoch = session_epoch + 1 where id = ?", ps -> {
            ps.setBoolean(1, disabled);
            ps.setLong(2, accountId);
        });
    }

    void bumpSessionEpoch(long accountId) {
        update("update staff_account set session_epoch = session_epoch + 1 where id = ?", ps -> ps.setLong(1, accountId));
    }

    void recordSignIn(long accountId, Instant at) {
        update("update staff_account set last_sign_in_at = ? where id = ?", ps -> {
            ps.setTimestamp(1, Timestamp.from(at));
            ps.setLong(2, accountId);
        });
    }

    long countActiveWithRole(Role role) {
        return jdbc.prepareStatement("select count(*) from staff_account a join staff_role r on r.account_id = a.id "
                + "where r.role = ? and not a.disabled", ps -> {
            ps.setString(1, role.name());
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }

    private interface Binder {
        void bind(PreparedStatement ps) throws SQLException;
    }

    private void update(String sql, Binder binder) {
        jdbc.prepareStatement(sql, ps -> {
            binder.bind(ps);
            return ps.executeUpdate();
        });
    }

    private Optional<StaffAccount> one(String sql, Binder binder) {
        return jdbc.prepareStatement(sql, ps -> {
            binder.bind(ps);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(map(rs)) : Optional.empty();
            }
        });
    }

    private static StaffAccount map(ResultSet rs) throws SQLException {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        Array array = rs.getArray("roles");
        for (Object role : (Object[]) array.getArray()) {
            roles.add(Role.valueOf((String) role));
        }
        Timestamp lastSignIn = rs.getTimestamp("last_sign_in_at");
        return new StaffAccount(rs.getLong("id"), rs.getString("username"), rs.getString("display_name"),
                rs.getString("email"), roles, rs.getBoolean("disabled"), rs.getInt("session_epoch"),
                rs.getBoolean("has_password"), lastSignIn == null ? null : lastSignIn.toInstant());
    }
}
