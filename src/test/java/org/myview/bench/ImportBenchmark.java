package org.myview.bench;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import org.myview.staff.Role;
import org.myview.staff.StaffAccountService;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Times the SSDA903 import of a 10,000-row file over HTTP (POST /api/reviews/import), against the
 * PostgreSQL in DATASOURCES_DEFAULT_URL or, without it, a fresh embedded one. Not a test: run it with
 * {@code ./mvnw -q -B test-compile exec:java@bench -Dbench.main=org.myview.bench.ImportBenchmark}.
 * Prints: a first import (everything new), the same file again (nothing changes), and a file with
 * 10% of the codes changed.
 */
public final class ImportBenchmark {

    private ImportBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int rows = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        Map<String, Object> properties = new java.util.HashMap<>();
        properties.put("micronaut.server.port", -1);
        if (System.getenv("DATASOURCES_DEFAULT_URL") == null) {
            properties.put("myview.embedded-database.data-directory",
                    java.nio.file.Files.createTempDirectory("myview-bench").toString());
        }
        try (ApplicationContext context = ApplicationContext.run(properties, "bench")) {
            EmbeddedServer server = context.getBean(EmbeddedServer.class).start();
            String username = "bench.manager." + System.nanoTime();
            String password = "bench-password-" + System.nanoTime();
            context.getBean(StaffAccountService.class).createWithPassword(
                    new StaffAccountService.NewAccount(username, "Bench Manager", null, EnumSet.of(Role.SERVICE_MANAGER)), password);
            String prefix = "B" + Long.toString(System.nanoTime() % 1_000_000, 36).toUpperCase();
            String file = file(rows, prefix, 0);
            String changed = file(rows, prefix, 10);
            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
            String auth = "Basic " + Base64.getEncoder().encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
            System.out.printf("rows=%d file_bytes=%d cores=%d%n", rows, file.getBytes(StandardCharsets.UTF_8).length,
                    Runtime.getRuntime().availableProcessors());
            // A fresh JVM is slow at first: one import of other children warms it up, and is reported too.
            time(http, server.getURI(), auth, "warm-up (other children)", file(rows, prefix + "W", 0));
            time(http, server.getURI(), auth, "first import (all new)", file);
            time(http, server.getURI(), auth, "same file again (no change)", file);
            time(http, server.getURI(), auth, "10% of codes changed", changed);
        }
    }

    private static void time(HttpClient http, URI base, String auth, String label, String csv) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(base.resolve("/api/reviews/import"))
                .header("Authorization", auth).header("Content-Type", "text/csv")
                .timeout(Duration.ofMinutes(5))
                .POST(HttpRequest.BodyPublishers.ofString(csv)).build();
        long start = System.nanoTime();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        long millis = (System.nanoTime() - start) / 1_000_000;
        String summary = response.body().length() > 200 ? response.body().substring(0, 200) : response.body();
        System.out.printf("%-30s status=%d time_ms=%d %s%n", label, response.statusCode(), millis, summary);
    }

    /** Realistic rows: about four reviews per child, ages 0-17, codes consistent with each age. */
    public static String file(int rows, String prefix, int changePercent) {
        Random random = new Random(42);
        Random change = new Random(7);
        DateTimeFormatter dfe = DateTimeFormatter.ofPattern("dd/MM/yyyy");
        StringBuilder csv = new StringBuilder("CHILD,DOB,REVIEW,REVIEW_CODE\r\n");
        List<String> codes = new ArrayList<>(List.of("PN1", "PN1", "PN1", "PN2", "PN3", "PN4", "PN5", "PN6", "PN6", "PN7"));
        LocalDate first = LocalDate.of(2024, 4, 1);
        int children = Math.max(1, rows / 4);
        for (int i = 0; i < rows; i++) {
            int child = i % children;
            Random childRandom = new Random(child);
            LocalDate dob = first.minusDays(200 + childRandom.nextInt(17 * 365));
            LocalDate review = first.plusDays((i / children) * 120L + childRandom.nextInt(60));
            boolean underFour = review.isBefore(dob.plusYears(4));
            String code = underFour ? "PN0" : codes.get(random.nextInt(codes.size()));
            if (!underFour && change.nextInt(100) < changePercent) {
                code = code.equals("PN7") ? "PN6" : "PN7";
            }
            csv.append(prefix).append(String.format("%06d", child)).append(',').append(dfe.format(dob)).append(',')
                    .append(dfe.format(review)).append(',').append(code).append("\r\n");
        }
        return csv.toString();
    }
}
