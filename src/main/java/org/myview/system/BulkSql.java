package org.myview.system;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import org.postgresql.PGConnection;
import org.postgresql.copy.PGCopyOutputStream;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Hand-written JDBC for the work Micronaut Data repositories cannot express: {@code COPY}, set-based
 * bulk statements and streaming (the SSDA903 import, the roll-up). Ordinary reads and writes go
 * through {@code @JdbcRepository} interfaces instead (docs/architecture.md, "Data access").
 * <p>
 * SQL sits in a text block with named placeholders ({@code :name}); this binds them by name, so no
 * caller counts positions. A placeholder without a value, or a value no placeholder uses, is an error.
 */
@Singleton
public record BulkSql(JdbcOperations jdbc) {

    /** Reads one row. */
    @FunctionalInterface
    public interface RowReader<T> {
        T read(ResultSet rs) throws SQLException;
    }

    /** Runs an insert, update, delete or DDL statement; returns the rows it changed. */
    public int update(String sql, Map<String, ?> values) {
        NamedSql parsed = NamedSql.parse(sql);
        return jdbc.prepareStatement(parsed.jdbcSql(), ps -> {
            parsed.bind(ps, values);
            return ps.executeUpdate();
        });
    }

    public int update(String sql) {
        return update(sql, Map.of());
    }

    /** One statement run for many rows in one JDBC batch (one round trip): thousands of audit lines of an import. */
    public void batch(String sql, List<? extends Map<String, ?>> rows) {
        if (rows.isEmpty()) {
            return;
        }
        NamedSql parsed = NamedSql.parse(sql);
        jdbc.prepareStatement(parsed.jdbcSql(), ps -> {
            for (Map<String, ?> row : rows) {
                parsed.bind(ps, row);
                ps.addBatch();
            }
            return ps.executeBatch();
        });
    }

    /** Every row, read into memory. */
    public <T> List<T> list(String sql, Map<String, ?> values, RowReader<T> reader) {
        List<T> rows = new ArrayList<>();
        stream(sql, values, 0, reader, rows::add);
        return rows;
    }

    /** The one row a query returns (a count, an aggregate, a {@code RETURNING}). */
    public <T> T one(String sql, Map<String, ?> values, RowReader<T> reader) {
        List<T> rows = list(sql, values, reader);
        if (rows.size() != 1) {
            throw new IllegalStateException("Expected one row, got " + rows.size());
        }
        return rows.get(0);
    }

    /**
     * Hands each row to {@code consumer} as it arrives, {@code fetchSize} rows at a time (inside a
     * transaction PostgreSQL then streams instead of reading the whole result into memory).
     */
    public <T> void stream(String sql, Map<String, ?> values, int fetchSize, RowReader<T> reader, Consumer<T> consumer) {
        NamedSql parsed = NamedSql.parse(sql);
        jdbc.prepareStatement(parsed.jdbcSql(), ps -> {
            parsed.bind(ps, values);
            ps.setFetchSize(fetchSize);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    consumer.accept(reader.read(rs));
                }
            }
            return null;
        });
    }

    /**
     * Placeholder values from name, value pairs: {@code values("id", 1, "note", null)}. Unlike
     * {@code Map.of} it takes nulls (a column left empty), and keeps the order for error messages.
     */
    public static Map<String, Object> values(Object... namesAndValues) {
        if (namesAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("Values come in name, value pairs");
        }
        Map<String, Object> values = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            if (!(namesAndValues[i] instanceof String name)) {
                throw new IllegalArgumentException("A name is text: " + namesAndValues[i]);
            }
            if (values.containsKey(name)) {
                throw new IllegalArgumentException("The name " + name + " is given twice");
            }
            values.put(name, namesAndValues[i + 1]);
        }
        return values;
    }

    /** {@code COPY ... FROM STDIN} in PostgreSQL's text format: the fastest way to load many rows. */
    public long copyIn(String copySql, Reader data) {
        return jdbc.execute(connection -> {
            try {
                return connection.unwrap(PGConnection.class).getCopyAPI().copyIn(copySql, data);
            } catch (IOException e) {
                throw new SQLException("COPY failed", e);
            }
        });
    }

    /** Writes the rows of a streamed COPY. */
    @FunctionalInterface
    public interface CopyBody {
        void write(Writer out) throws IOException;
    }

    /**
     * {@code COPY ... FROM STDIN} fed as {@code body} produces the rows, in 64 KiB messages: the rows are never in
     * memory together. Nothing else may use the connection until the body returns.
     */
    public long copyIn(String copySql, CopyBody body) {
        return jdbc.execute(connection -> {
            PGCopyOutputStream copy = new PGCopyOutputStream(connection.unwrap(PGConnection.class), copySql, 1 << 16);
            try {
                Writer out = new BufferedWriter(new OutputStreamWriter(copy, StandardCharsets.UTF_8), 1 << 16);
                body.write(out);
                out.flush();
                return copy.endCopy();
            } catch (IOException | RuntimeException e) {
                if (copy.isActive()) {
                    copy.cancelCopy();
                }
                if (e instanceof IOException io) {
                    throw new SQLException("COPY failed", io);
                }
                throw (RuntimeException) e;
            }
        });
    }

    /** A value for a text-format COPY column: {@code \N} for null, special characters escaped. */
    public static String copyValue(Object value) {
        if (value == null) {
            return "\\N";
        }
        String text = value instanceof Enum<?> e ? e.name() : value.toString();
        return text.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r");
    }

    /** SQL with {@code :name} placeholders turned into JDBC's {@code ?}, and the names in order. */
    public record NamedSql(String jdbcSql, List<String> names) {

        public static NamedSql parse(String sql) {
            StringBuilder out = new StringBuilder(sql.length());
            List<String> names = new ArrayList<>();
            int i = 0;
            while (i < sql.length()) {
                char c = sql.charAt(i);
                if (c == '\'' || c == '"') {
                    int end = sql.indexOf(c, i + 1);
                    while (end > 0 && end + 1 < sql.length() && sql.charAt(end + 1) == c) {
                        end = sql.indexOf(c, end + 2); // a doubled quote inside the literal
                    }
                    if (end < 0) {
                        throw new IllegalArgumentException("Unterminated quote in SQL at " + i);
                    }
                    out.append(sql, i, end + 1);
                    i = end + 1;
                } else if (c == '-' && i + 1 < sql.length() && sql.charAt(i + 1) == '-') {
                    int end = sql.indexOf('\n', i);
                    end = end < 0 ? sql.length() : end;
                    out.append(sql, i, end);
                    i = end;
                } else if (c == ':' && i + 1 < sql.length() && sql.charAt(i + 1) == ':') {
                    out.append("::"); // a cast, not a placeholder
                    i += 2;
                } else if (c == ':' && i + 1 < sql.length() && Character.isJavaIdentifierStart(sql.charAt(i + 1))) {
                    int end = i + 1;
                    while (end < sql.length() && Character.isJavaIdentifierPart(sql.charAt(end))) {
                        end++;
                    }
                    names.add(sql.substring(i + 1, end));
                    out.append('?');
                    i = end;
                } else if (c == '?') {
                    throw new IllegalArgumentException("Use a named placeholder (:name), not ?");
                } else {
                    out.append(c);
                    i++;
                }
            }
            return new NamedSql(out.toString(), List.copyOf(names));
        }

        /** Binds every placeholder by its name; refuses a missing value or one no placeholder uses. */
        public void bind(PreparedStatement ps, Map<String, ?> values) throws SQLException {
            for (String name : values.keySet()) {
                if (!names.contains(name)) {
                    throw new IllegalArgumentException("No placeholder :" + name + " in the SQL");
                }
            }
            for (int i = 0; i < names.size(); i++) {
                String name = names.get(i);
                if (!values.containsKey(name)) {
                    throw new IllegalArgumentException("No value for :" + name);
                }
                set(ps, i + 1, values.get(name));
            }
        }

        private static void set(PreparedStatement ps, int index, Object value) throws SQLException {
            Connection connection = ps.getConnection();
            if (value == null) {
                ps.setNull(index, Types.NULL);
            } else if (value instanceof Enum<?> e) {
                ps.setString(index, e.name());
            } else if (value instanceof Instant instant) {
                ps.setObject(index, instant.atOffset(ZoneOffset.UTC));
            } else if (value instanceof Collection<?> collection) {
                ps.setArray(index, array(connection, collection.toArray()));
            } else if (value instanceof Object[] array) {
                ps.setArray(index, array(connection, array));
            } else {
                ps.setObject(index, value);
            }
        }

        private static java.sql.Array array(Connection connection, Object[] values) throws SQLException {
            boolean numbers = values.length > 0 && values[0] instanceof Number;
            Object[] elements = new Object[values.length];
            for (int i = 0; i < values.length; i++) {
                elements[i] = values[i] instanceof Enum<?> e ? e.name() : values[i];
            }
            return connection.createArrayOf(numbers ? "bigint" : "text", elements);
        }
    }
}
