package org.myview.extract;

import io.micronaut.context.ApplicationContext;
import io.micronaut.context.annotation.Property;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.myview.staff.Role;
import org.myview.support.ReviewFixtures;
import org.myview.support.SharedTestDatabase;
import org.myview.support.StaffFixtures;
import org.myview.system.EmbeddedDatabase;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A trust's nightly export dropped in the folder, with two instances reading it: imported exactly once, moved aside with its result. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Property(name = "myview.extract.folder", value = ExtractFolderTest.FOLDER)
@Property(name = "myview.extract.folder-account", value = "fold.manager")
@Property(name = "myview.extract.folder-settle", value = "0s")
@Property(name = "myview.extract.folder-job-enabled", value = "false")
class ExtractFolderTest {

    static final String FOLDER = "target/extract-folder-test";
    private static final Path DIR = Path.of(FOLDER);

    @Inject
    EmbeddedServer server;
    @Inject
    ApplicationContext context;
    @Inject
    EmbeddedDatabase database;

    private EmbeddedServer second;

    @BeforeAll
    void startTheSecondInstance() throws IOException {
        Files.createDirectories(DIR);
        try (Stream<Path> old = Files.walk(DIR)) {
            old.sorted(java.util.Comparator.reverseOrder()).filter(p -> !p.equals(DIR)).forEach(p -> p.toFile().delete());
        }
        StaffFixtures.account(context, "fold.manager", Role.SERVICE_MANAGER);
        Map<String, Object> properties = new java.util.HashMap<>(SharedTestDatabase.asExternalDatabase(database));
        properties.putAll(Map.of("micronaut.server.port", "-1", "myview.extract.folder", FOLDER,
                "myview.extract.folder-account", "fold.manager", "myview.extract.folder-settle", "0s",
                "myview.extract.folder-job-enabled", "false"));
        second = ApplicationContext.run(EmbeddedServer.class, properties, "test");
    }

    @AfterAll
    void stopTheSecondInstance() {
        second.getApplicationContext().close();
    }

    @Test
    void aFileInTheFolderIsImportedExactlyOnceByTwoInstancesAndMovedAsideWithItsResult() throws Exception {
        String csv = "RECORD,CASE_REFERENCE,FIRST_NAME,DOB,REVIEW_ID,REVIEW_TYPE,REVIEW_DATE\n"
                + "CHILD,FLD1,Amira,14/03/2012,,,\nCHILD,FLD2,Jake,01/06/2019,,,\nREVIEW,FLD1,,,LCS-1,CLA,2025-05-02\n";
        drop("nightly.csv", csv);
        List<ExtractFolder> instances = List.of(context.getBean(ExtractFolder.class), second.getApplicationContext().getBean(ExtractFolder.class));

        int picked = race(instances);

        assertEquals(1, picked, "one instance imported it, the other left it");
        assertEquals(2, ReviewFixtures.count(context, "select count(*) from child where case_reference like 'FLD%'"));
        assertEquals(1, ReviewFixtures.count(context, "select count(*) from audit_event where action = 'EXTRACT_IMPORTED' and actor_id = "
                + "(select id from staff_account where username = 'fold.manager')"));
        assertFalse(Files.exists(DIR.resolve("nightly.csv")), "moved aside");
        List<Path> imported = listing(DIR.resolve("imported"));
        assertEquals(2, imported.size(), imported.toString());
        Path result = imported.stream().filter(p -> p.toString().endsWith(".result.json")).findFirst().orElseThrow();
        assertTrue(Files.readString(result).contains("\"childrenAdded\":2"), Files.readString(result));
        assertEquals(0, race(instances), "nothing left to do");

        // The same file dropped again is set aside, not imported twice.
        drop("nightly.csv", csv);
        assertEquals(0, race(instances));
        assertFalse(Files.exists(DIR.resolve("nightly.csv")));
        assertEquals(1, ReviewFixtures.count(context, "select count(*) from audit_event where action = 'EXTRACT_IMPORTED' and actor_id = "
                + "(select id from staff_account where username = 'fold.manager')"));

        // A bad file is refused with its errors beside it, and nothing is written.
        drop("broken.csv", "RECORD,CASE_REFERENCE,FIRST_NAME,DOB\nCHILD,FLD3,,14/03/2012\n");
        assertEquals(1, race(instances));
        List<Path> refused = listing(DIR.resolve("refused"));
        assertEquals(2, refused.size(), refused.toString());
        String errors = Files.readString(refused.stream().filter(p -> p.toString().endsWith(".result.json")).findFirst().orElseThrow());
        assertTrue(errors.contains("\"imported\":false") && errors.contains("FIRST_NAME"), errors);
        assertEquals(0, ReviewFixtures.count(context, "select count(*) from child where case_reference = 'FLD3'"));
    }

    /** Both instances read the folder at the same moment; how many files they imported or refused between them. */
    private static int race(List<ExtractFolder> instances) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(instances.size());
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Integer>> runs = instances.stream().map(f -> pool.submit(() -> {
                start.await();
                return f.pickUp();
            })).toList();
            start.countDown();
            int total = 0;
            for (Future<Integer> run : runs) {
                total += run.get();
            }
            return total;
        } finally {
            pool.shutdownNow();
        }
    }

    private static void drop(String name, String csv) throws IOException {
        Path file = DIR.resolve(name);
        Files.writeString(file, csv);
        Files.setLastModifiedTime(file, FileTime.from(Instant.now().minusSeconds(60)));
    }

    private static List<Path> listing(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.sorted().toList();
        }
    }
}
