package org.myview.system;

import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.sql.Connection;
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
    private final ServiceSecretRepository secrets;
    private final byte[] configuredKey;
    private final Map<String, byte[]> keys = new ConcurrentHashMap<>();
    private final SecureRandom random = new SecureRandom();

    ServiceSecrets(TransactionOperations<Connection> transactions, ServiceSecretRepository secrets, @Nullable @Value("${myview.secret-key:}") String configuredKey) {
        this.transactions = transactions;
        this.secrets = secrets;
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
        // An insert that conflicts waits for the other instance's insert to commit; the read that follows, a new
        // statement, then sees the key every instance uses.
        return transactions.executeWrite(status -> {
            secrets.insertIfAbsent(purpose, fresh);
            return secrets.read(purpose).orElseThrow().secret();
        });
    }
}
