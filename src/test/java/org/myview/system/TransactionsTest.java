package org.myview.system;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What the services rely on when they mark a unit of work with {@link Transactions} instead of {@code @Transactional}. */
@MicronautTest(transactional = false)
class TransactionsTest {

    @Inject
    Transactions transactions;
    @Inject
    ServiceSecretRepository secrets;

    private String sql(String query) {
        try (Statement s = transactions.operations().getConnection().createStatement(); ResultSet rs = s.executeQuery(query)) {
            rs.next();
            return rs.getString(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void aReadIsReadOnlyAndAWriteIsNot() {
        assertEquals("on", transactions.read(() -> sql("show transaction_read_only")));
        assertEquals("off", transactions.write(() -> sql("show transaction_read_only")));
    }

    @Test
    void anInnerCallJoinsTheOuterTransaction() {
        String[] inner = new String[2];
        String outer = transactions.write(() -> {
            inner[0] = transactions.read(() -> sql("select txid_current()::text"));
            inner[1] = transactions.withinCaller(() -> sql("select txid_current()::text"));
            return sql("select txid_current()::text");
        });
        assertEquals(outer, inner[0]);
        assertEquals(outer, inner[1]);
    }

    @Test
    void aRuntimeExceptionRollsBackAndIsThrownUnchanged() {
        String purpose = "transactions-test-" + UUID.randomUUID();
        IllegalStateException thrown = new IllegalStateException("stop");
        IllegalStateException caught = assertThrows(IllegalStateException.class, () -> transactions.run(() -> {
            secrets.insertIfAbsent(purpose, new byte[32]);
            throw thrown;
        }));
        assertSame(thrown, caught);
        assertFalse(secrets.read(purpose).isPresent(), "rolled back");
        transactions.run(() -> secrets.insertIfAbsent(purpose, new byte[32]));
        assertTrue(secrets.read(purpose).isPresent(), "committed");
    }

    @Test
    void workThatBelongsToItsCallersTransactionFailsWithoutOne() {
        assertThrows(RuntimeException.class, () -> transactions.withinCaller(() -> "never"));
    }
}
