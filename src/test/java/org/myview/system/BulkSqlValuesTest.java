package org.myview.system;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Placeholder values built from pairs: nulls are allowed (Map.of refuses them), mistakes are refused. */
class BulkSqlValuesTest {

    @Test
    void pairsBecomeNamedValuesInOrderAndANullIsKept() {
        Map<String, Object> values = BulkSql.values("planId", 7L, "email", null, "language", "pl");

        assertEquals(List.of("planId", "email", "language"), new ArrayList<>(values.keySet()));
        assertEquals(7L, values.get("planId"));
        assertTrue(values.containsKey("email"));
        assertNull(values.get("email"));
    }

    @Test
    void noPairsIsNoValues() {
        assertTrue(BulkSql.values().isEmpty());
    }

    @Test
    void aNameWithoutItsValueIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> BulkSql.values("planId", 7L, "email"));
        assertTrue(e.getMessage().contains("pairs"), e.getMessage());
    }

    @Test
    void aNameGivenTwiceIsRefusedEvenWhenTheFirstValueWasNull() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> BulkSql.values("email", null, "email", "a@example.org"));
        assertTrue(e.getMessage().contains("email"), e.getMessage());
    }

    @Test
    void aNameMustBeText() {
        assertThrows(IllegalArgumentException.class, () -> BulkSql.values(1, "one"));
    }

    @Test
    void theValuesBindEveryPlaceholderOfTheirStatement() {
        BulkSql.NamedSql sql = BulkSql.NamedSql.parse("insert into parent_contact (plan_id, email) values (:planId, :email)");
        Map<String, Object> values = BulkSql.values("planId", 7L, "email", null);

        assertEquals(sql.names(), Arrays.asList(values.keySet().toArray(String[]::new)));
    }
}
