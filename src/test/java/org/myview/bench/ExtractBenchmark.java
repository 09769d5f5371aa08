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
import java.util.Base64;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Times the case-system extract import (POST /api/extracts/import) of 5,000 children and 20,000 reviews over HTTP,
 * against DATASOURCES_DEFAULT_URL or a fresh embedded PostgreSQL. Not a test: run it with
 * {@code ./mvnw -q -B test-compile exec:java@bench -Dbench.main=org.myview.bench.ExtractBenchmark}.
 * Prints: a first import (all new), the same extract again (no change), and one with 10% of reviews moved.
 */
public final class ExtractBenchmark {

    public static final List<String> OFFICERS = List.of("bench.iro.a", "bench.iro.b", "bench.iro.c", "bench.iro.d");

    private ExtractBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int children = args.length > 0 ? Integer.parseInt(args[0]) : 5_000;
        Map<String, Object> properties = new java.util.HashMap<>();
        properties.put("micronaut.server.port", -1);
        if (System.getenv("DATASOURCES_DEFAULT_URL") == null) {
            properties.put("myview.embedded-database.data-directory",
                    java.nio.file.Files.createTempDirectory("myview-bench").toString());
        }
        try (ApplicationContext context = ApplicationContext.run(properties, "bench")) {
            EmbeddedServer server = context.getBean(EmbeddedServer.class).start();
            StaffAccountService staff = context.getBean(StaffAccountService.class);
            String username = "bench.manager." + System.nanoTime();
            String password = "bench-password-" + System.nanoTime();
            staff.createWithPassword(new StaffAccountService.NewAccount(username, "Bench Manager", null, EnumSet.of(Role.SERVICE_MANAGER)),
                    password);
            for (String officer : OFFICERS) {
                if (staff.findByUsername(officer).isEmpty()) {
                    staff.createWithPassword(new StaffAccountService.NewAccount(officer, "Bench " + officer, null,
                            EnumSet.of(Role.REVIEWING_OFFICER)), password);
                }
            }
            String prefix = "E" + Long.toString(System.nanoTime() % 1_000_000, 36).toUpperCase();
            String extract = extract(children, prefix, LocalDate.now(), 0);
            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
            String auth = "Basic " + Base64.getEncoder().encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
            System.out.printf("children=%d reviews=%d bytes=%d cores=%d%n", children, children * 4,
                    extract.getBytes(StandardCharsets.UTF_8).length, Runtime.getRuntime().availableProcessors());
            time(http, server.getURI(), auth, "warm-up (other children)", extract(children, prefix + "W", LocalDate.now(), 0));
            time(http, server.getURI(), auth, "first import (all new)", extract);
            time(http, server.getURI(), auth, "same extract again", extract);
            time(http, server.getURI(), auth, "10% of reviews moved", extract(children, prefix, LocalDate.now(), 10));
        }
    }

    private static void time(HttpClient http, URI base, String auth, String label, String csv) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(base.resolve("/api/extracts/import"))
                .header("Authorization", auth).header("Content-Type", "text/csv").timeout(Duration.ofMinutes(5))
                .POST(HttpRequest.BodyPublishers.ofString(csv)).build();
        long start = System.nanoTime();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        long millis = (System.nanoTime() - start) / 1_000_000;
        String summary = response.body().length() > 300 ? response.body().substring(0, 300) : response.body();
        System.out.printf("%-28s status=%d time_ms=%d %s%n", label, response.statusCode(), millis, summary);
    }

    /**
     * A generated extract: each child with a CHILD row (an officer from {@link #OFFICERS}) and four REVIEW rows, two held
     * before {@code today} and two upcoming; {@code movePercent} of the reviews a week later than otherwise.
     */
    public static String extract(int children, String prefix, LocalDate today, int movePercent) {
        Random move = new Random(7);
        String[] languages = {"en", "pl", "ur", "", "ro"};
        String[] names = {"Amira", "Jake", "Olu", "Kasia", "Sam", "Nia"};
        StringBuilder csv = new StringBuilder(children * 200);
        csv.append("RECORD,CASE_REFERENCE,FIRST_NAME,DOB,LANGUAGE,REVIEWING_OFFICER,REVIEW_ID,REVIEW_TYPE,REVIEW_DATE\r\n");
        for (int i = 0; i < children; i++) {
            Random child = new Random(i);
            String reference = prefix + String.format("%06d", i);
            LocalDate dob = today.minusDays(400 + child.nextInt(17 * 365));
            csv.append("CHILD,").append(reference).append(',').append(names[i % names.length]).append(',').append(dob).append(',')
                    .append(languages[i % languages.length]).append(',').append(OFFICERS.get(i % OFFICERS.size())).append(",,,\r\n");
            String type = i % 5 == 0 ? "CP_REVIEW" : "CLA";
            for (int k = 0; k < 4; k++) {
                LocalDate date = today.plusDays((k - 2) * 120L + 1 + child.nextInt(60));
                if (move.nextInt(100) < movePercent) {
                    date = date.plusDays(7);
                }
                csv.append("REVIEW,").append(reference).append(",,,,,LCS-").append(reference).append('-').append(k).append(',')
                        .append(type).append(',').append(date).append("\r\n");
            }
        }
        return csv.toString();
    }
}
