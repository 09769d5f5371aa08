import java.net.URI;
import java.net.http.*;
import java.nio.file.*;
import java.sql.*;
import java.util.*;
import java.util.concurrent.*;
import java.util.concurrent.atomic.*;

/** GET /consultation/q/1 at concurrency 32 on one opened link; prints req/s and the service's CPU ms per page. */
public class PageLoad {
    public static void main(String[] a) throws Exception {
        String base = a[0]; long pid = Long.parseLong(a[1]); int n = Integer.parseInt(a[2]); String jdbc = a[3];
        String token;
        try (Connection db = DriverManager.getConnection(jdbc, "postgres", "postgres")) {
            db.setAutoCommit(false);
            long officer = one(db, "insert into staff_account (username, display_name) values ('page.load." + System.nanoTime() + "', 'Bench officer') returning id");
            long child = one(db, "insert into child (case_reference, date_of_birth) values ('PL" + (System.nanoTime() % 100000000) + "', current_date - interval '9 years 30 days') returning id");
            long review = one(db, "insert into review (child_id, review_type, review_date, reviewing_officer_id) values (" + child + ", 'CLA', current_date + 7, " + officer + ") returning id");
            org.myview.web.link.LinkTokens.NewLink link = org.myview.web.link.LinkTokens.newLink();
            try (PreparedStatement s = db.prepareStatement("insert into consultation_link (review_id, token_hash, created_by, expires_at) values (?, ?, ?, now() + interval '30 days')")) {
                s.setLong(1, review); s.setBytes(2, link.hash()); s.setLong(3, officer); s.executeUpdate();
            }
            db.commit();
            token = link.token();
        }
        HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).executor(Executors.newFixedThreadPool(4)).build();
        HttpResponse<String> opened = http.send(HttpRequest.newBuilder(URI.create(base + "/consultation/link/" + token)).build(), HttpResponse.BodyHandlers.ofString());
        String cookie = opened.headers().allValues("set-cookie").stream().map(c -> c.split(";", 2)[0]).reduce((x, y) -> x + "; " + y).orElseThrow();
        HttpRequest page = HttpRequest.newBuilder(URI.create(base + "/consultation/q/1")).header("Cookie", cookie).build();
        run(http, page, 500);
        long cpu0 = cpu(pid); long t0 = System.nanoTime();
        run(http, page, n);
        long t1 = System.nanoTime(); long cpu1 = cpu(pid);
        System.out.printf("pages %d  %.0f req/s  service CPU %.2f ms per page%n", n, n / ((t1 - t0) / 1e9), (cpu1 - cpu0) * 1.0 / n);
        System.exit(0);
    }
    static void run(HttpClient http, HttpRequest page, int n) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(32); AtomicInteger left = new AtomicInteger(n);
        List<Future<?>> fs = new ArrayList<>();
        for (int i = 0; i < 32; i++) fs.add(pool.submit(() -> { while (left.getAndDecrement() > 0) {
            HttpResponse<String> r = http.send(page, HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 200) throw new IllegalStateException("answered " + r.statusCode()); } return null; }));
        for (Future<?> f : fs) f.get();
        pool.shutdown();
    }
    static long cpu(long pid) throws Exception { // ms of user + system time of the service
        String[] f = Files.readString(Path.of("/proc/" + pid + "/stat")).split("\\) ", 2)[1].split(" ");
        return (Long.parseLong(f[11]) + Long.parseLong(f[12])) * 10;
    }
    static long one(Connection db, String sql) throws Exception {
        try (Statement s = db.createStatement(); ResultSet rs = s.executeQuery(sql)) { rs.next(); return rs.getLong(1); }
    }
}
