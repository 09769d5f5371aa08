package org.myview.system;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Named placeholders become JDBC's ?, in order; casts, literals and comments are left alone. */
class NamedSqlTest {

    @Test
    void placeholdersBecomeQuestionMarksInTheOrderTheyAppear() {
        BulkSql.NamedSql sql = BulkSql.NamedSql.parse("select * from review where review_date between :from and :to and officer = :officer");

        assertEquals("select * from review where review_date between ? and ? and officer = ?", sql.jdbcSql());
        assertEquals(List.of("from", "to", "officer"), sql.names());
    }

    @Test
    void aNameUsedTwiceIsBoundTwice() {
        BulkSql.NamedSql sql = BulkSql.NamedSql.parse("select :staffId, :staffId");

        assertEquals("select ?, ?", sql.jdbcSql());
        assertEquals(List.of("staffId", "staffId"), sql.names());
    }

    @Test
    void aCastIsNotAPlaceholderEvenRightAfterOne() {
        BulkSql.NamedSql sql = BulkSql.NamedSql.parse("select :to::date, now()::date");

        assertEquals("select ?::date, now()::date", sql.jdbcSql());
        assertEquals(List.of("to"), sql.names());
    }

    @Test
    void colonsInsideLiteralsIdentifiersAndCommentsStay() {
        BulkSql.NamedSql sql = BulkSql.NamedSql.parse("""
                select 'at 10:30 o''clock :not', "odd:name" -- a comment with :nothing
                from t where a = :a""");

        assertTrue(sql.jdbcSql().contains("'at 10:30 o''clock :not'"), sql.jdbcSql());
        assertTrue(sql.jdbcSql().contains("\"odd:name\""), sql.jdbcSql());
        assertTrue(sql.jdbcSql().endsWith("where a = ?"), sql.jdbcSql());
        assertEquals(List.of("a"), sql.names());
    }

    @Test
    void aPositionalQuestionMarkIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> BulkSql.NamedSql.parse("select * from t where a = ?"));
    }

    @Test
    void anUnterminatedLiteralIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> BulkSql.NamedSql.parse("select 'oops from t"));
    }

    @Test
    void copyValuesAreEscapedAndNullIsBackslashN() {
        assertEquals("\\N", BulkSql.copyValue(null));
        assertEquals("a\\tb\\nc\\\\d", BulkSql.copyValue("a\tb\nc\\d"));
        assertEquals("MONDAY", BulkSql.copyValue(java.time.DayOfWeek.MONDAY), "an enum by its name");
    }
}
