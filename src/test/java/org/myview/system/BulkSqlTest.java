package org.myview.system;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.myview.review.ReviewType;

import java.io.StringReader;
import java.sql.Connection;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * BulkSql against PostgreSQL: each kind of value binds by name, and the statements the import, the roll-up and the
 * demo data use (returning, batch, stream, COPY) work. Tables are temporary and every test runs in a transaction
 * (BulkSql joins the caller's connection and opens none) and rolls back.
 */
@MicronautTest(transactional = false)
class BulkSqlTest {

    @Inject
    BulkSql sql;

    @Inject
    TransactionOperations<Connection> transactions;

    private void rolledBack(Consumer<BulkSql> work) {
        transactions.executeWrite(status -> {
            sql.update("""
                    create temporary table bulk_t (id bigserial primary key, name text, day date, at timestamptz, kind text)
                    on commit drop""");
            work.accept(sql);
            status.setRollbackOnly();
            return null;
        });
    }

    @Test
    void eachKindOfValueBindsByName() {
        rolledBack(sql -> {
            assertEquals((Integer) 2, sql.one("select :n::int + 1", Map.of("n", 1), rs -> rs.getInt(1)));
            assertEquals("2026-12-06", sql.one("select cast(:day as date)::text", Map.of("day", LocalDate.of(2026, 12, 6)),
                    rs -> rs.getString(1)));
            assertEquals(Boolean.TRUE, sql.one("select cast(:at as timestamptz) = timestamptz '2026-12-06 22:00:00+00'",
                    Map.of("at", Instant.parse("2026-12-06T22:00:00Z")), rs -> rs.getBoolean(1)));
            assertEquals("CP_REVIEW", sql.one("select cast(:kind as text)", Map.of("kind", ReviewType.CP_REVIEW), rs -> rs.getString(1)));
            assertEquals(Boolean.TRUE, sql.one("select cast(:nothing as text) is null", BulkSql.values("nothing", null), rs -> rs.getBoolean(1)));
        });
    }

    @Test
    void aListBindsAsAnArrayOfNumbersOrOfText() {
        rolledBack(sql -> {
            assertEquals((Long) 6L, sql.one("select sum(x) from unnest(cast(:ids as bigint[])) x", Map.of("ids", List.of(1L, 2L, 3L)),
                    rs -> rs.getLong(1)));
            assertEquals("CLA,CIN", sql.one("select array_to_string(cast(:types as text[]), ',')",
                    Map.of("types", List.of(ReviewType.CLA, ReviewType.CIN)), rs -> rs.getString(1)));
            assertEquals((Integer) 0, sql.one("select cardinality(cast(:none as text[]))", Map.of("none", List.of()), rs -> rs.getInt(1)));
        });
    }

    @Test
    void aNameUsedTwiceTakesTheSameValueBothTimes() {
        rolledBack(sql -> {
            assertEquals((Integer) 14, sql.one("select :n::int + :n::int", Map.of("n", 7), rs -> rs.getInt(1)));
        });
    }

    @Test
    void aMissingOrUnusedValueIsRefusedBeforeTheDatabaseIsAsked() {
        rolledBack(sql -> {
            assertThrows(IllegalArgumentException.class, () -> sql.one("select :a::int", Map.of(), rs -> rs.getInt(1)));
            assertThrows(IllegalArgumentException.class, () -> sql.one("select 1", Map.of("a", 1), rs -> rs.getInt(1)));
        });
    }

    @Test
    void oneRefusesNoRowsAndTwoRows() {
        rolledBack(sql -> {
            assertThrows(IllegalStateException.class, () -> sql.one("select 1 where false", Map.of(), rs -> rs.getInt(1)));
            assertThrows(IllegalStateException.class, () -> sql.one("select generate_series(1, 2)", Map.of(), rs -> rs.getInt(1)));
        });
    }

    @Test
    void insertReturningBatchAndUpdateWriteWhatTheyWereGiven() {
        rolledBack(sql -> {
            long id = sql.one("insert into bulk_t (name, day) values (:name, :day) returning id",
                    BulkSql.values("name", "first", "day", LocalDate.of(2026, 4, 1)), rs -> rs.getLong(1));
            sql.batch("insert into bulk_t (name, kind) values (:name, :kind)", List.of(
                    BulkSql.values("name", "second", "kind", ReviewType.CLA),
                    BulkSql.values("name", null, "kind", ReviewType.CIN)));
            int changed = sql.update("update bulk_t set name = upper(name) where name is not null", Map.of());

            assertEquals(2, changed);
            assertEquals("FIRST 2026-04-01", sql.one("select name || ' ' || day from bulk_t where id = :id", Map.of("id", id),
                    rs -> rs.getString(1)));
            assertEquals(List.of("CIN:", "CLA:SECOND"), sql.list("select kind || ':' || coalesce(name, '') from bulk_t "
                    + "where kind is not null order by kind", Map.of(), rs -> rs.getString(1)));
        });
    }

    @Test
    void anEmptyBatchDoesNothing() {
        rolledBack(sql -> {
            sql.batch("insert into bulk_t (name) values (:name)", List.of());
            assertEquals((Integer) 0, sql.one("select count(*) from bulk_t", Map.of(), rs -> rs.getInt(1)));
        });
    }

    @Test
    void streamHandsOverEveryRowInOrderAFewAtATime() {
        rolledBack(sql -> {
            List<Integer> seen = new ArrayList<>();
            sql.stream("select generate_series(1, :n)", Map.of("n", 25), 10, rs -> rs.getInt(1), seen::add);
            assertEquals(25, seen.size());
            assertEquals((Integer) 1, seen.get(0));
            assertEquals((Integer) 25, seen.get(24));
        });
    }

    @Test
    void copyLoadsTextFormatRowsWithNullsAndEscapes() {
        rolledBack(sql -> {
            String rows = String.join("\t", BulkSql.copyValue("tab\there"), BulkSql.copyValue(null)) + "\n"
                    + String.join("\t", BulkSql.copyValue("back\\slash\nnewline"), BulkSql.copyValue(ReviewType.CLA)) + "\n";

            long copied = sql.copyIn("copy bulk_t (name, kind) from stdin", new StringReader(rows));

            assertEquals(2, copied);
            assertEquals(List.of("back\\slash\nnewline|CLA", "tab\there|null"), sql.list(
                    "select name || '|' || coalesce(kind, 'null') from bulk_t order by name", Map.of(), rs -> rs.getString(1)));
        });
    }
}
