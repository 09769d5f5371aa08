package org.myview.bench;

import org.myview.staff.PasswordHasher;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * The client half of {@code src/bench/run.sh}: talks HTTP to a running service (the packaged jar)
 * and JDBC to its PostgreSQL, and prints one line per measurement as
 * {@code name | service figure | plain PostgreSQL figure | ratio} (run.sh adds the target and whether it is met;
 * a line may also give them itself: {@code name | result | anchor | ratio | target | met}). Not a test; it never fails a build.
 * Environment: BENCH_BASE_URL, DATASOURCES_DEFAULT_URL, DATASOURCES_DEFAULT_USERNAME,
 * DATASOURCES_DEFAULT_PASSWORD.
 */
public final class ServiceBenchmark {

    private static final int REQUESTS = 100;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final HttpClient browser = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
            .cookieHandler(new java.net.CookieManager()).followRedirects(HttpClient.Redirect.NEVER).build();
    private String username;
    private String password;
    private final URI base;
    private final String jdbcUrl;
    private final String dbUser;
    private final String dbPassword;
    private String basicAuth;
    /** Personal API tokens (issue 22, item 2): the figures token for the JSON, the import token for the SSDA903 file. */
    private String figuresToken;
    private String importToken;

    private ServiceBenchmark(URI base, String jdbcUrl, String dbUser, String dbPassword) {
        this.base = base;
        this.jdbcUrl = jdbcUrl;
        this.dbUser = dbUser;
        this.dbPassword = dbPassword;
    }

    public static void main(String[] args) throws Exception {
        ServiceBenchmark bench = new ServiceBenchmark(URI.create(env("BENCH_BASE_URL", "http://127.0.0.1:18080")),
                env("DATASOURCES_DEFAULT_URL", "jdbc:postgresql://127.0.0.1:55432/myview"),
                env("DATASOURCES_DEFAULT_USERNAME", "postgres"), env("DATASOURCES_DEFAULT_PASSWORD", "postgres"));
        bench.createManager();
        String only = args.length > 0 ? args[0] : "all";
        if (only.equals("all") || only.equals("dashboard")) {
            bench.dashboard();
        }
        if (only.equals("all") || only.equals("import")) {
            bench.ssda903Import();
        }
        if (only.equals("all") || only.equals("consultation")) {
            bench.consultation(Integer.parseInt(env("BENCH_FORMS", "1000")), Integer.parseInt(env("BENCH_WARMUP_FORMS", "2000")),
                    Integer.parseInt(env("BENCH_WARMUP_SECONDS", "60")), Integer.parseInt(env("BENCH_MEASURE_SECONDS", "15")), 32);
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }

    private Connection connect() throws Exception {
        return DriverManager.getConnection(jdbcUrl, dbUser, dbPassword);
    }

    /** A Service Manager account with a password (HTTP Basic) and two API tokens, written straight into the database. */
    private void createManager() throws Exception {
        String username = "bench.manager." + Long.toString(System.nanoTime(), 36);
        String password = "bench-password-" + System.nanoTime();
        try (Connection db = connect();
             PreparedStatement account = db.prepareStatement(
                     "insert into staff_account (username, display_name, password_hash) values (?, 'Bench manager', ?) returning id")) {
            account.setString(1, username);
            account.setString(2, new PasswordHasher().hash(password));
            try (ResultSet rs = account.executeQuery()) {
                rs.next();
                long id = rs.getLong(1);
                try (PreparedStatement role = db.prepareStatement("insert into staff_role (account_id, role) values (?, 'SERVICE_MANAGER')")) {
                    role.setLong(1, id);
                    role.executeUpdate();
                }
                figuresToken = token(db, id, "FIGURES");
                importToken = token(db, id, "IMPORT");
            }
        }
        this.username = username;
        this.password = password;
        basicAuth = "Basic " + Base64.getEncoder().encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    /** An API token for the account, stored as the service stores one (its SHA-256 only). */
    private static String token(Connection db, long accountId, String scope) throws Exception {
        byte[] bytes = new byte[32];
        new java.security.SecureRandom().nextBytes(bytes);
        String token = "myview_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        try (PreparedStatement insert = db.prepareStatement("insert into api_token (account_id, name, scope, token_hash, created_at, "
                + "expires_at) values (?, 'bench', ?, ?, now(), now() + interval '1 day')")) {
            insert.setLong(1, accountId);
            insert.setString(2, scope);
            insert.setBytes(3, java.security.MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
            insert.executeUpdate();
        }
        return "Bearer " + token;
    }

    /** The dashboard JSON for one financial year and one review type, against the plain GROUP BY. */
    private void dashboard() throws Exception {
        String path = "/api/participation/summary?reviewType=CLA&from=2024-04&to=2025-03";
        for (int i = 0; i < 20; i++) {
            get(path, figuresToken);
            get(path, basicAuth);
        }
        // As an integration should call it: with a personal API token (a SHA-256 and one indexed lookup).
        List<Long> service = timedGets(path, figuresToken);
        // The same with HTTP Basic, which checks the password (Argon2id) on every request.
        List<Long> withBasic = timedGets(path, basicAuth);
        List<Long> authOnly = timedGets("/api/me", figuresToken);
        List<Long> basicOnly = timedGets("/api/me", basicAuth);
        String groupBy = """
                select date_trunc('month', r.review_date) as month, child_age(c.date_of_birth, r.review_date) >= 4 as four_plus,
                       p.pn_code, p.advocate, count(*)
                from review r join child c on c.id = r.child_id join review_participation p on p.review_id = r.id
                where r.review_type = 'CLA' and r.review_date >= date '2024-04-01' and r.review_date < date '2025-04-01'
                group by 1, 2, 3, 4""";
        List<Long> plain = new ArrayList<>();
        try (Connection db = connect(); PreparedStatement query = db.prepareStatement(groupBy)) {
            for (int i = 0; i < 5; i++) {
                drain(query);
            }
            for (int i = 0; i < REQUESTS; i++) {
                long start = System.nanoTime();
                drain(query);
                plain.add(System.nanoTime() - start);
            }
        }
        // The manager's page, signed in once as a person is (session cookie, no password check per request).
        String signInPage = browser.send(HttpRequest.newBuilder(base.resolve("/sign-in")).GET().build(),
                HttpResponse.BodyHandlers.ofString()).body();
        java.util.regex.Matcher csrf = java.util.regex.Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(signInPage);
        if (!csrf.find()) {
            throw new IllegalStateException("no CSRF token on the sign-in page");
        }
        HttpResponse<String> signedIn = browser.send(HttpRequest.newBuilder(base.resolve("/sign-in"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=" + username + "&password=" + password
                        + "&_csrf=" + csrf.group(1))).build(),
                HttpResponse.BodyHandlers.ofString());
        if (signedIn.statusCode() != 303) {
            throw new IllegalStateException("sign-in answered " + signedIn.statusCode());
        }
        String pagePath = "/participation?year=2024&type=CLA";
        for (int i = 0; i < 20; i++) {
            page(pagePath);
        }
        List<Long> pageTimes = new ArrayList<>();
        for (int i = 0; i < REQUESTS; i++) {
            long start = System.nanoTime();
            HttpResponse<String> response = page(pagePath);
            pageTimes.add(System.nanoTime() - start);
            if (response.statusCode() != 200) {
                throw new IllegalStateException("dashboard page answered " + response.statusCode());
            }
        }
        row("dashboard JSON, one year, CLA (HTTP, API token)", service, plain);
        row("dashboard JSON, one year, CLA (HTTP Basic)", withBasic, plain);
        row("  any /api request: API token (/api/me)", authOnly, null);
        row("  any /api request: HTTP Basic, Argon2id (/api/me)", basicOnly, null);
        row("dashboard page, one year, CLA (signed-in session)", pageTimes, plain);
    }

    /**
     * The child's form at concurrency 32: a question page (GET) of {@code forms + warmForms} children's forms in
     * turn, for {@code warmSeconds} untimed and then {@code measureSeconds} timed (pgbench's anchor also runs for
     * 15 s); then {@code warmForms} forms sent untimed and {@code forms} sent timed (POST), each form once. The
     * warm-up is there because a service runs for days: right after start the JIT is still compiling the page's
     * code (docs/performance.md, "Warm-up"). Children, reviews and links are made in the database as the service makes them.
     */
    private void consultation(int forms, int warmForms, int warmSeconds, int measureSeconds, int concurrency) throws Exception {
        List<String> tokens = new ArrayList<>();
        long firstLink = 0;
        long lastLink = 0;
        try (Connection db = connect()) {
            db.setAutoCommit(false);
            long officer;
            try (PreparedStatement account = db.prepareStatement(
                    "insert into staff_account (username, display_name) values (?, 'Bench officer') returning id")) {
                account.setString(1, "bench.officer." + Long.toString(System.nanoTime(), 36));
                try (ResultSet rs = account.executeQuery()) {
                    rs.next();
                    officer = rs.getLong(1);
                }
            }
            String prefix = "F" + Long.toString(System.nanoTime() % 1_000_000, 36).toUpperCase(Locale.ROOT);
            try (PreparedStatement child = db.prepareStatement(
                    "insert into child (case_reference, date_of_birth) values (?, current_date - interval '9 years 30 days') returning id");
                 PreparedStatement review = db.prepareStatement(
                         "insert into review (child_id, review_type, review_date, reviewing_officer_id) values (?, 'CLA', current_date + 7, ?) returning id");
                 PreparedStatement link = db.prepareStatement(
                         "insert into consultation_link (review_id, token_hash, created_by, expires_at) values (?, ?, ?, now() + interval '30 days') returning id")) {
                for (int i = 0; i < forms + warmForms; i++) {
                    child.setString(1, prefix + i);
                    review.setLong(1, single(child));
                    review.setLong(2, officer);
                    org.myview.web.link.LinkTokens.NewLink newLink = org.myview.web.link.LinkTokens.newLink();
                    link.setLong(1, single(review));
                    link.setBytes(2, newLink.hash());
                    link.setLong(3, officer);
                    long id = single(link);
                    firstLink = firstLink == 0 ? id : firstLink;
                    lastLink = id;
                    tokens.add(newLink.token());
                }
            }
            db.commit();
        }
        List<org.myview.support.WebClient> phones = new ArrayList<>();
        for (int i = 0; i < tokens.size(); i++) {
            phones.add(new org.myview.support.WebClient(base));
        }
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(concurrency);
        // The untimed steps run on the pool too: one at a time they took minutes on a loaded machine.
        java.util.Map<org.myview.support.WebClient, String> tokenOf = new java.util.IdentityHashMap<>();
        for (int i = 0; i < phones.size(); i++) {
            tokenOf.put(phones.get(i), tokens.get(i));
        }
        timed(pool, phones, phone -> phone.get("/consultation/link/" + tokenOf.get(phone)), 303);
        // Warm-up, then the question page of every child's form in turn, for a fixed time.
        // The timed requests go as bytes on one kept-alive connection per caller (KeepAliveCaller), each phone's with its cookies.
        List<byte[]> pages = phones.stream().map(phone -> KeepAliveCaller.get(base, "/consultation/q/1", phone.cookieHeader())).toList();
        calls(concurrency, pages, warmSeconds, 200);
        Cpu beforePages = Cpu.now();
        Timed page = calls(concurrency, pages, measureSeconds, 200);
        Cpu pagesCpu = Cpu.now().minus(beforePages);
        // Each child answers a question (not timed), then every form is sent at once.
        java.util.Map<org.myview.support.WebClient, String> csrfOf = new java.util.concurrent.ConcurrentHashMap<>();
        timed(pool, phones, phone -> {
            String csrf = phone.get("/consultation/q/1").inputValue("_csrf");
            phone.post("/consultation/q/1", "_csrf", csrf, "answer", "Things are going well at school", "action", "save");
            org.myview.support.WebClient.Page check = phone.get("/consultation/check");
            csrfOf.put(phone, check.inputValue("_csrf"));
            return check;
        }, 200);
        List<byte[]> sends = phones.stream().map(phone -> KeepAliveCaller.postForm(base, "/consultation/send", phone.cookieHeader(),
                "_csrf=" + java.net.URLEncoder.encode(csrfOf.get(phone), StandardCharsets.UTF_8))).toList();
        // The phones' clients (a selector thread each) are not needed any more: let them go before the sends are timed.
        pool.shutdown();
        phones.clear();
        tokenOf.clear();
        csrfOf.clear();
        System.gc();
        calls(concurrency, sends.subList(forms, forms + warmForms), 0, 303);
        Cpu beforeSends = Cpu.now();
        Timed send = calls(concurrency, sends.subList(0, forms), 0, 303);
        Cpu sendsCpu = Cpu.now().minus(beforeSends);
        System.out.printf("%-52s | %6.0f req/s  p50 %7.1f ms  p99 %7.1f ms | (%d pages in %d s after %d s of warm-up, concurrency %d)%n",
                "child's form: a question page (GET)", page.perSecond(), percentileMs(page.nanos(), 50), percentileMs(page.nanos(), 99),
                page.nanos().size(), measureSeconds, warmSeconds, concurrency);
        System.out.printf("%-52s | %6.0f req/s  p50 %7.1f ms  p99 %7.1f ms | (%d forms after %d sent untimed, concurrency %d)%n",
                "child's form: sending it (POST)", send.perSecond(), percentileMs(send.nanos(), 50), percentileMs(send.nanos(), 99),
                forms, warmForms, concurrency);
        // Where the two cores went, per timed request: the service, this client and the rest (mostly PostgreSQL).
        System.out.printf("%-52s | %s | - | - | (for reading the rates) | -%n", "  CPU per question page", pagesCpu.perRequest(page.nanos().size()));
        System.out.printf("%-52s | %s | - | - | (for reading the rates) | -%n", "  CPU per send", sendsCpu.perRequest(forms));
        System.out.println("BENCH_LINK_RANGE " + firstLink + " " + lastLink);
    }

    record Timed(List<Long> nanos, double perSecond) {
    }

    /** CPU ms (user + system) so far of the service (BENCH_SERVICE_PID), this client and the whole machine. */
    record Cpu(long serviceMs, long clientMs, long machineMs) {
        static Cpu now() throws java.io.IOException {
            String pid = System.getenv("BENCH_SERVICE_PID");
            String[] all = java.nio.file.Files.readAllLines(java.nio.file.Path.of("/proc/stat")).get(0).trim().split(" +");
            long busy = 0;
            for (int i = 1; i <= 8 && i < all.length; i++) {
                busy += i == 4 || i == 5 ? 0 : Long.parseLong(all[i]); // not idle, not iowait
            }
            return new Cpu(pid == null ? -1 : ticks("/proc/" + pid + "/stat") * 10, ticks("/proc/self/stat") * 10, busy * 10);
        }

        private static long ticks(String stat) throws java.io.IOException {
            String[] f = java.nio.file.Files.readString(java.nio.file.Path.of(stat)).split("\\) ", 2)[1].split(" ");
            return Long.parseLong(f[11]) + Long.parseLong(f[12]);
        }

        Cpu minus(Cpu earlier) {
            return new Cpu(serviceMs - earlier.serviceMs, clientMs - earlier.clientMs, machineMs - earlier.machineMs);
        }

        String perRequest(int requests) {
            return String.format(Locale.ROOT, "service %.2f ms, client %.2f ms, rest of the machine %.2f ms",
                    serviceMs * 1.0 / requests, clientMs * 1.0 / requests, (machineMs - serviceMs - clientMs) * 1.0 / requests);
        }
    }

    /**
     * {@code concurrency} callers, each on its own kept-alive connection, taking the next request in turn: for
     * {@code seconds} round and round the list, or (seconds 0) each request once.
     */
    private Timed calls(int concurrency, List<byte[]> requests, int seconds, int expected) throws Exception {
        java.util.concurrent.ExecutorService callers = java.util.concurrent.Executors.newFixedThreadPool(concurrency);
        java.util.concurrent.atomic.AtomicLong next = new java.util.concurrent.atomic.AtomicLong();
        List<Long> nanos = java.util.Collections.synchronizedList(new ArrayList<>());
        long start = System.nanoTime();
        long end = start + seconds * 1_000_000_000L;
        List<java.util.concurrent.Future<?>> futures = new ArrayList<>();
        for (int i = 0; i < concurrency; i++) {
            futures.add(callers.submit(() -> {
                try (KeepAliveCaller caller = new KeepAliveCaller(base)) {
                    while (true) {
                        long n = next.getAndIncrement();
                        if (seconds > 0 ? System.nanoTime() >= end : n >= requests.size()) {
                            return null;
                        }
                        long t = System.nanoTime();
                        int status = caller.call(requests.get((int) (n % requests.size())));
                        if (status != expected) {
                            throw new IllegalStateException("answered " + status);
                        }
                        nanos.add(System.nanoTime() - t);
                    }
                }
            }));
        }
        try {
            for (java.util.concurrent.Future<?> f : futures) {
                f.get();
            }
        } finally {
            callers.shutdownNow(); // a failed call ends the run instead of leaving the other callers' threads holding the JVM
        }
        double elapsed = (System.nanoTime() - start) / 1e9;
        return new Timed(new ArrayList<>(nanos), nanos.size() / elapsed);
    }

    private static Timed timed(java.util.concurrent.ExecutorService pool, List<org.myview.support.WebClient> phones,
                               java.util.function.Function<org.myview.support.WebClient, org.myview.support.WebClient.Page> call,
                               int expected) throws Exception {
        List<java.util.concurrent.Future<Long>> futures = new ArrayList<>();
        long start = System.nanoTime();
        for (org.myview.support.WebClient phone : phones) {
            futures.add(pool.submit(() -> {
                long t = System.nanoTime();
                org.myview.support.WebClient.Page page = call.apply(phone);
                if (page.status() != expected) {
                    throw new IllegalStateException("answered " + page.status());
                }
                return System.nanoTime() - t;
            }));
        }
        List<Long> nanos = new ArrayList<>();
        for (java.util.concurrent.Future<Long> f : futures) {
            nanos.add(f.get());
        }
        return new Timed(nanos, phones.size() / ((System.nanoTime() - start) / 1e9));
    }

    private static long single(PreparedStatement statement) throws Exception {
        try (ResultSet rs = statement.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static void drain(PreparedStatement query) throws Exception {
        try (ResultSet rs = query.executeQuery()) {
            while (rs.next()) {
                rs.getLong(5);
            }
        }
    }

    /**
     * The SSDA903 import of 100,000 rows (the file limit, issue 20), first import and the same file again, each
     * beside a bare psql {@code \copy} of the same file into a scratch table of the same database (target: at most
     * 10 times that), then the service's memory after.
     */
    private void ssda903Import() throws Exception {
        int rows = Integer.parseInt(env("BENCH_IMPORT_ROWS", "100000"));
        String prefix = "I" + Long.toString(System.nanoTime() % 1_000_000, 36).toUpperCase(Locale.ROOT);
        long pid = servicePid();
        post("/api/reviews/import", ImportBenchmark.file(2_000, prefix + "W", 0)); // warm-up (other children)
        String file = ImportBenchmark.file(rows, prefix, 0);
        java.nio.file.Path csv = java.nio.file.Files.createTempFile("myview-bench-import", ".csv");
        java.nio.file.Files.writeString(csv, file);
        psql("create table if not exists bench_import_copy (child text, dob text, review text, review_code text)");
        List<Long> anchors = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            psql("truncate bench_import_copy");
            long start = System.nanoTime();
            psql("\\copy bench_import_copy from '" + csv + "' with (format csv, header)");
            anchors.add(System.nanoTime() - start);
        }
        java.nio.file.Files.delete(csv);
        double anchorMs = percentileMs(anchors, 50);
        String before = memory(pid);
        long start = System.nanoTime();
        HttpResponse<String> first = post("/api/reviews/import", file);
        double firstMs = (System.nanoTime() - start) / 1e6;
        start = System.nanoTime();
        HttpResponse<String> again = post("/api/reviews/import", file);
        double againMs = (System.nanoTime() - start) / 1e6;
        String label = String.format("SSDA903 import, %,d rows (HTTP)", rows);
        importRow(label + ", first", firstMs, first, anchorMs);
        importRow(label + ", same file again", againMs, again, anchorMs);
        System.out.printf("%-52s | before the imports: %s | after: %s |%n", "service memory (import)", before, memory(pid));
    }

    private static void importRow(String name, double ms, HttpResponse<String> response, double anchorMs) {
        String body = response.body();
        String summary = response.statusCode() == 200 ? body.substring(0, Math.min(body.length(), 140)).replace("|", "/")
                : "status " + response.statusCode() + " " + body.substring(0, Math.min(body.length(), 200)).replace("|", "/");
        System.out.printf("%-52s | %9.0f ms | psql \\copy of the file %6.0f ms | ratio %6.1fx | target <=10x | %s%n",
                name, ms, anchorMs, ms / anchorMs, summary);
    }

    /** Runs one psql command against the benchmark database (the anchor is psql itself, process start included). */
    private void psql(String command) throws Exception {
        URI uri = URI.create(jdbcUrl.substring("jdbc:".length()));
        ProcessBuilder builder = new ProcessBuilder("psql", "-h", uri.getHost(), "-p", String.valueOf(uri.getPort()), "-U", dbUser,
                "-d", uri.getPath().substring(1), "-v", "ON_ERROR_STOP=1", "-qtA", "-c", command).redirectErrorStream(true);
        builder.environment().put("PGPASSWORD", dbPassword);
        Process process = builder.start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (process.waitFor() != 0) {
            throw new IllegalStateException("psql failed: " + out);
        }
    }

    /** The service's process: the java whose environment has PORT set to the port the benchmark talks to; -1 if none. */
    private long servicePid() {
        String port = "PORT=" + base.getPort();
        return ProcessHandle.allProcesses().filter(p -> p.info().command().orElse("").endsWith("java")).filter(p -> {
            try {
                byte[] environ = java.nio.file.Files.readAllBytes(java.nio.file.Path.of("/proc", String.valueOf(p.pid()), "environ"));
                return List.of(new String(environ, StandardCharsets.UTF_8).split("\0")).contains(port);
            } catch (Exception e) {
                return false;
            }
        }).mapToLong(ProcessHandle::pid).findFirst().orElse(-1);
    }

    /** RSS now and at its peak (VmHWM), and the heap in use after a full collection (jcmd). */
    private static String memory(long pid) {
        if (pid < 0) {
            return "service process not found";
        }
        try {
            String status = java.nio.file.Files.readString(java.nio.file.Path.of("/proc", String.valueOf(pid), "status"));
            long rss = kib(status, "VmRSS:");
            long peak = kib(status, "VmHWM:");
            Process gc = new ProcessBuilder("jcmd", String.valueOf(pid), "GC.run").redirectErrorStream(true).start();
            gc.getInputStream().readAllBytes();
            gc.waitFor();
            Process heap = new ProcessBuilder("jcmd", String.valueOf(pid), "GC.heap_info").redirectErrorStream(true).start();
            String info = new String(heap.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            heap.waitFor();
            java.util.regex.Matcher used = java.util.regex.Pattern.compile("used (\\d+)K").matcher(info);
            String heapUsed = used.find() ? (Long.parseLong(used.group(1)) / 1024) + " MiB heap used after GC" : "heap unknown";
            return String.format("RSS %d MiB, peak RSS %d MiB, %s", rss / 1024, peak / 1024, heapUsed);
        } catch (Exception e) {
            return "memory unknown (" + e.getMessage() + ")";
        }
    }

    private static long kib(String status, String field) {
        for (String line : status.split("\n")) {
            if (line.startsWith(field)) {
                return Long.parseLong(line.substring(field.length()).trim().split("\\s+")[0]);
            }
        }
        return 0;
    }

    private HttpResponse<String> page(String path) throws Exception {
        return browser.send(HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(60)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private List<Long> timedGets(String path, String authorization) throws Exception {
        List<Long> times = new ArrayList<>();
        for (int i = 0; i < REQUESTS; i++) {
            long start = System.nanoTime();
            HttpResponse<String> response = get(path, authorization);
            times.add(System.nanoTime() - start);
            if (response.statusCode() != 200) {
                throw new IllegalStateException(path + " answered " + response.statusCode());
            }
        }
        return times;
    }

    private HttpResponse<String> get(String path, String authorization) throws Exception {
        return http.send(HttpRequest.newBuilder(base.resolve(path)).header("Authorization", authorization)
                .timeout(Duration.ofSeconds(60)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String path, String csv) throws Exception {
        return http.send(HttpRequest.newBuilder(base.resolve(path)).header("Authorization", importToken)
                .header("Content-Type", "text/csv").timeout(Duration.ofMinutes(5))
                .POST(HttpRequest.BodyPublishers.ofString(csv)).build(), HttpResponse.BodyHandlers.ofString());
    }

    static double percentileMs(List<Long> nanos, double p) {
        List<Long> sorted = new ArrayList<>(nanos);
        Collections.sort(sorted);
        int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index))) / 1_000_000.0;
    }

    static void row(String name, List<Long> service, List<Long> plain) {
        double p50 = percentileMs(service, 50);
        double p99 = percentileMs(service, 99);
        if (plain == null) {
            System.out.printf("%-52s | p50 %7.1f ms  p99 %7.1f ms |%n", name, p50, p99);
            return;
        }
        double plain50 = percentileMs(plain, 50);
        double plain99 = percentileMs(plain, 99);
        // The ratio's number comes first: src/bench/run.sh reads it to say whether the target is met.
        System.out.printf("%-52s | p50 %7.1f ms  p99 %7.1f ms | plain GROUP BY p50 %7.1f ms  p99 %7.1f ms | %.2f (p50, service/plain)%n",
                name, p50, p99, plain50, plain99, p50 / plain50);
    }
}
