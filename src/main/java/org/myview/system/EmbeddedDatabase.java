package org.myview.system;

/**
 * A PostgreSQL server that the service runs itself when no external database is configured
 * (no {@code DATASOURCES_DEFAULT_URL}). Tests replace it with one shared, throwaway server.
 */
public interface EmbeddedDatabase {

    /** JDBC URL of the database the service should use. */
    String jdbcUrl();

    /** The service's own role: data rights only ({@link DatabaseRoles#SERVICE}). */
    String username();

    String password();

    /** The role that owns the schema and runs the migrations ({@link DatabaseRoles#OWNER}). */
    String ownerUsername();

    String ownerPassword();
}
