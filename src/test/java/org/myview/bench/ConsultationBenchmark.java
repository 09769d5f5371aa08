package org.myview.bench;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import org.myview.staff.Role;
import org.myview.support.ReviewFixtures;
import org.myview.support.StaffFixtures;
import org.myview.support.WebClient;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The child's form: bytes a phone downloads for one question page (HTML and everything it loads, as sent
 * with Accept-Encoding: gzip, br), and sending forms: submissions per second with p50 and p99 latency.
 * Not a test: {@code ./mvnw -q -B test-compile exec:java@bench -Dbench.main=org.myview.bench.ConsultationBenchmark}
 * (optional argument: how many forms to send, default 200).
 */
public final class ConsultationBenchmark {

    private static final Pattern LINK = Pattern.compile("value=\"https?://[^\"/]+(/consultation/link/[A-Za-z0-9_-]{22})\"");
    private static final Pattern ASSET = Pattern.compile("(?:href|src)=\"(/(?:static|govuk|assets)/[^\"]+)\"");
    private static final Pattern IMPORT = Pattern.compile("from\\s*['\"](/[^'\"]+)['\"]");
    private static final Pattern CSS_URL = Pattern.compile("url\\((/[^)]+)\\)");

    private ConsultationBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int forms = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        Map<String, Object> properties = new java.util.HashMap<>();
        properties.put("micronaut.server.port", -1);
        if (System.getenv("DATASOURCES_DEFAULT_URL") == null) {
            properties.put("myview.embedded-database.data-directory",
                    java.nio.file.Files.createTempDirectory("myview-bench").toString());
        }
        try (ApplicationContext context = ApplicationContext.run(properties, "bench")) {
            EmbeddedServer server = context.getBean(EmbeddedServer.class).start();
            URI base = server.getURI();
            String officerName = "bench.officer." + System.nanoTime();
            long officer = StaffFixtures.account(context, officerName, Role.REVIEWING_OFFICER);
            WebClient staff = new WebClient(base);
            String csrf = StaffFixtures.signIn(staff, officerName);

            for (int age : new int[] {6, 9, 14}) {
                WebClient child = new WebClient(base);
                child.get(link(context, staff, csrf, officer, age));
                pageWeight(base, child, "/consultation/q/1", "ages " + age + ", question 1");
            }

            List<WebClient> children = new ArrayList<>();
            List<String> tokens = new ArrayList<>();
            for (int i = 0; i < forms; i++) {
                WebClient child = new WebClient(base);
                child.get(link(context, staff, csrf, officer, 9));
                WebClient.Page q1 = child.get("/consultation/q/1");
                child.post("/consultation/q/1", "_csrf", q1.inputValue("_csrf"), "answer", "Things are going well", "action", "save");
                children.add(child);
                tokens.add(child.get("/consultation/check").inputValue("_csrf"));
            }
            int threads = 8;
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            List<Future<Long>> timings = new ArrayList<>();
            long start = System.nanoTime();
            for (int i = 0; i < forms; i++) {
                WebClient child = children.get(i);
                String token = tokens.get(i);
                timings.add(pool.submit(() -> {
                    long t = System.nanoTime();
                    WebClient.Page page = child.post("/consultation/send", "_csrf", token);
                    if (page.status() != 303) {
                        throw new IllegalStateException("send answered " + page.status());
                    }
                    return System.nanoTime() - t;
                }));
            }
            List<Long> micros = new ArrayList<>();
            for (Future<Long> f : timings) {
                micros.add(f.get() / 1000);
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            pool.shutdown();
            Collections.sort(micros);
            System.out.printf("send: forms=%d threads=%d cores=%d total_s=%.2f per_second=%.0f p50_ms=%.1f p99_ms=%.1f sent_rows=%d%n",
                    forms, threads, Runtime.getRuntime().availableProcessors(), seconds, forms / seconds,
                    micros.get(micros.size() / 2) / 1000.0, micros.get((int) Math.ceil(micros.size() * 0.99) - 1) / 1000.0,
                    ReviewFixtures.count(context, "select count(*) from consultation where sent_at is not null"));
        }
    }

    private static int children;

    private static String link(ApplicationContext context, WebClient staff, String csrf, long officer, int age) {
        long child = ReviewFixtures.child(context, "BENCH" + (++children) + "-" + System.nanoTime() % 100000, "Bench",
                LocalDate.now().minusYears(age).minusDays(20));
        long review = ReviewFixtures.review(context, child, "CLA", LocalDate.now().plusDays(5), officer);
        Matcher m = LINK.matcher(staff.post("/reviews/" + review + "/consultation-link", "_csrf", csrf).body());
        if (!m.find()) {
            throw new IllegalStateException("no link");
        }
        return m.group(1);
    }

    /** Fetches the page and every asset it loads (stylesheets, scripts and their imports, images and fonts the CSS uses). */
    private static void pageWeight(URI base, WebClient child, String path, String label) throws Exception {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        WebClient.Page page = child.send(child.request(path).header("Accept-Encoding", "gzip, br").GET().build());
        String html = child.get(path).body();
        long htmlBytes = transferred(page);
        Set<String> assets = new LinkedHashSet<>();
        Matcher m = ASSET.matcher(html);
        while (m.find()) {
            assets.add(m.group(1));
        }
        long total = htmlBytes;
        StringBuilder detail = new StringBuilder();
        List<String> queue = new ArrayList<>(assets);
        Set<String> seen = new LinkedHashSet<>();
        while (!queue.isEmpty()) {
            String asset = queue.remove(0);
            if (!seen.add(asset.replaceAll("\\?.*", ""))) {
                continue;
            }
            HttpResponse<byte[]> compressed = http.send(HttpRequest.newBuilder(base.resolve(asset))
                    .header("Accept-Encoding", "gzip, br").GET().build(), HttpResponse.BodyHandlers.ofByteArray());
            HttpResponse<String> plain = http.send(HttpRequest.newBuilder(base.resolve(asset)).GET().build(), HttpResponse.BodyHandlers.ofString());
            total += compressed.body().length;
            detail.append(String.format("  %s %d bytes (%s, %d uncompressed)%n", asset, compressed.body().length,
                    compressed.headers().firstValue("Content-Encoding").orElse("identity"), plain.body().length()));
            Matcher imports = (asset.contains(".js") ? IMPORT : CSS_URL).matcher(asset.contains(".css") || asset.contains(".js") ? plain.body() : "");
            while (imports.find()) {
                String found = imports.group(1).replace("\"", "").replace("'", "");
                // Only what the page needs: the CSS names every GOV.UK image and font, a browser fetches those it uses.
                if (asset.contains(".js")) {
                    queue.add(found);
                }
            }
        }
        System.out.printf("page %s: html %d bytes (%s), total with assets %d bytes%n%s", label, htmlBytes,
                page.header("Content-Encoding") == null ? "identity" : page.header("Content-Encoding"), total, detail);
    }

    private static long transferred(WebClient.Page page) {
        String length = page.header("Content-Length");
        return length != null ? Long.parseLong(length) : page.body().getBytes(java.nio.charset.StandardCharsets.ISO_8859_1).length;
    }
}
