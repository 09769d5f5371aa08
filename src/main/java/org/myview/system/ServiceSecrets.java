package org.myview.system;

import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Keys every instance must share (the session and CSRF signing keys). Created once, on first use,
 * in the database, so any number of instances agree without configuration; an operator may set
 * {@code MYVIEW_SECRET_KEY} instead. The key never changes while the service runs, so each instance
 * keeps the value it read.
 */
@Singleton
public class ServiceSecrets {

    private final TransactionOperations<Connection> transactions;
    private final byte[] configuredKey;
    private final Map<String, byte[]> keys = new ConcurrentHashMap<>();
    private final SecureRandom random = new SecureRandom();

    ServiceSecrets(TransactionOperations<Connection> transactions, @Nullable @Value("${myview.secret-key:}") String configuredKey) {
        this.transactions = transactions;
        this.configuredKey = configuredKey == null || configuredKey.isBlank()
                ? null : configuredKey.getBytes(StandardCharsets.UTF_8);
    }

    /** A 256-bit key for the named purpose. */
    public byte[] key(String purpose) {
        return keys.computeIfAbsent(purpose, this::load);
    }

    private byte[] load(String purpose) {
        if (configuredKey != null) {
            return Hmac.sha256(configuredKey, purpose.getBytes(StandardCharsets.UTF_8));
        }
        byte[] fresh = new byte[32];
        random.nextBytes(fresh);
        return transactions.executeWrite(status -> {
            try (PreparedStatement statement = status.getConnection().prepareStatement(
                    "with inserted as (insert into service_secret (name, secret) values (?, ?) "
                            + "on conflict (name) do nothing returning secret) "
                            + "select secret from inserted union all select secret from service_secret where name = ? limit 1")) {
                statement.setString(1, purpose);
                statement.setBytes(2, fresh);
                statement.setString(3, purpose);
                try (ResultSet rs = statement.executeQuery()) {
                    if (rs.next()) {
                        return rs.getBytes(1);
                    }
                }
            } catch (SQLException e) {
                throw new IllegalStateException("Could not read the service secret", e);
            }
            // Another instance inserted it at the same moment: read it with a fresh snapshot.
            try (PreparedStatement again = status.getConnection().prepareStatement(
                    "select secret from service_secret where name = ?")) {
                again.setString(1, purpose);
                try (ResultSet rs = again.executeQuery()) {
                    rs.next();
                    return rs.getBytes(1);
                }
            } catch (SQLException e) {
                throw new IllegalStateException("Could not read the service secret", e);
            }
        });
    }
}
