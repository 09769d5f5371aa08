package org.myview.demo;

import io.micronaut.context.annotation.Requires;
import io.micronaut.context.env.Environment;
import jakarta.inject.Singleton;

import org.myview.system.BulkSql;

import java.time.LocalDate;
import java.time.Period;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Invented children, reviewing officers and two financial years of reviews with how each child
 * took part. The random generator has a fixed seed, so every newcomer sees the same set (anchored
 * on the day the database was first filled).
 */
@Singleton
@Requires(env = Environment.DEVELOPMENT)
class ReviewDemoData implements DemoData {

    static final int CHILDREN = 240;

    // Obviously invented first names: nobody should mistake the demo for real children.
    private static final String[] NAMES = {"Pebble", "Comet", "Biscuit", "Juniper", "Zigzag", "Marmalade", "Nimbus",
            "Pickle", "Sprout", "Quasar", "Bramble", "Dumpling", "Kestrel", "Noodle", "Pixel", "Sherbet", "Thistle",
            "Widget", "Acorn", "Blossom", "Cobweb", "Domino", "Ember", "Fennel", "Gizmo", "Hazel", "Inkwell",
            "Jellybean", "Kazoo", "Lantern", "Muffin", "Nutmeg", "Orbit", "Puddle", "Quill", "Rocket", "Saffron",
            "Tinsel", "Umber", "Velvet"};

    static final String[][] OFFICERS = {
            {"iro.one", "Demo IRO One"}, {"iro.two", "Demo IRO Two"}, {"iro.three", "Demo IRO Three"},
            {"cpchair.one", "Demo CP Chair One"}, {"cpchair.two", "Demo CP Chair Two"}};

    @Override
    public int getOrder() {
        return 0;
    }

    @Override
    public void seed(BulkSql sql, LocalDate today) {
        Random random = new Random(20_261_123L);
        long[] officerIds = insertOfficers(sql);
        LocalDate financialYearStart = LocalDate.of(today.getMonthValue() >= 4 ? today.getYear() : today.getYear() - 1, 4, 1);
        LocalDate from = financialYearStart.minusYears(1);
        LocalDate until = today.plusWeeks(8);
        List<Map<String, Object>> participation = new ArrayList<>();
        for (int i = 1; i <= CHILDREN; i++) {
            LocalDate dateOfBirth = today.minusDays(200 + random.nextInt(17 * 365));
            long childId = sql.one("""
                    insert into child (case_reference, first_name, date_of_birth)
                    values (:caseReference, :firstName, :dateOfBirth) returning id""",
                    Map.of("caseReference", String.format("DEMO%04d", i), "firstName", NAMES[random.nextInt(NAMES.length)],
                            "dateOfBirth", dateOfBirth), rs -> rs.getLong(1));

            String type = pickType(random);
            long officer = type.equals("CLA") ? officerIds[random.nextInt(3)] : officerIds[3 + random.nextInt(2)];
            for (Scheduled scheduled : schedule(type, from, until, random)) {
                if (scheduled.date().isBefore(dateOfBirth.plusDays(30))) {
                    continue;
                }
                long reviewId = sql.one("""
                        insert into review (child_id, review_type, review_date, reviewing_officer_id)
                        values (:childId, :type, :date, :officer) returning id""",
                        Map.of("childId", childId, "type", scheduled.type(), "date", scheduled.date(), "officer", officer),
                        rs -> rs.getLong(1));
                boolean held = !scheduled.date().isAfter(today);
                // Most held reviews are recorded; a few recent ones are left overdue for officers to find.
                boolean recorded = held && (ChronoUnit.DAYS.between(scheduled.date(), today) > 42 || random.nextInt(4) != 0);
                if (recorded) {
                    int age = Period.between(dateOfBirth, scheduled.date()).getYears();
                    String code = age < 4 ? "PN0" : pickCode(random);
                    participation.add(Map.of("reviewId", reviewId, "code", code, "advocate", advocateFor(code, random),
                            "views", viewsFor(code), "officer", officer));
                }
            }
        }
        sql.batch("""
                insert into review_participation (review_id, pn_code, advocate, views_reached_by, recorded_by, updated_by)
                values (:reviewId, :code, :advocate, cast(:views as text[]), :officer, :officer)""", participation);
    }

    private record Scheduled(String type, LocalDate date) {
    }

    private static List<Scheduled> schedule(String type, LocalDate from, LocalDate until, Random random) {
        List<Scheduled> reviews = new ArrayList<>();
        // Plans start at any time from a year before the first financial year until today.
        LocalDate earliest = from.minusYears(1);
        LocalDate start = earliest.plusDays(random.nextInt((int) ChronoUnit.DAYS.between(earliest, until.minusWeeks(8))));
        switch (type) {
            case "CLA" -> {
                // First review within 20 working days, the second 3 months later, then every 6 months.
                LocalDate date = start.plusDays(28);
                reviews.add(new Scheduled("CLA", date));
                date = date.plusMonths(3);
                while (!date.isAfter(until)) {
                    reviews.add(new Scheduled("CLA", date));
                    date = date.plusMonths(6);
                }
            }
            case "CP" -> {
                LocalDate date = start;
                reviews.add(new Scheduled("CP_INITIAL", date));
                date = date.plusMonths(3);
                while (!date.isAfter(until)) {
                    reviews.add(new Scheduled("CP_REVIEW", date));
                    date = date.plusMonths(6);
                }
            }
            default -> {
                LocalDate date = start;
                while (!date.isAfter(until)) {
                    reviews.add(new Scheduled("CIN", date));
                    date = date.plusMonths(3);
                }
            }
        }
        reviews.removeIf(r -> r.date().isBefore(from) || r.date().isAfter(until));
        return reviews;
    }

    private static String pickType(Random random) {
        int roll = random.nextInt(100);
        return roll < 55 ? "CLA" : roll < 85 ? "CP" : "CIN";
    }

    private static String pickCode(Random random) {
        int roll = random.nextInt(100);
        if (roll < 52) return "PN1";
        if (roll < 55) return "PN2";
        if (roll < 58) return "PN3";
        if (roll < 62) return "PN4";
        if (roll < 76) return "PN5";
        if (roll < 91) return "PN6";
        return "PN7";
    }

    private static String advocateFor(String code, Random random) {
        return switch (code) {
            case "PN2", "PN5" -> random.nextInt(3) == 0 ? "OTHER" : "NYAS";
            default -> "NONE";
        };
    }

    private static String viewsFor(String code) {
        return switch (code) {
            case "PN1" -> "{SPOKE}";
            case "PN2", "PN5" -> "{ADVOCATE}";
            case "PN3" -> "{OTHER_MEDIUM}";
            case "PN6" -> "{CONSULTATION_FORM}";
            default -> "{}";
        };
    }

    private static long[] insertOfficers(BulkSql sql) {
        long[] ids = new long[OFFICERS.length];
        for (int i = 0; i < OFFICERS.length; i++) {
            ids[i] = sql.one("""
                    insert into staff_account (username, display_name) values (:username, :displayName)
                    on conflict (lower(username)) do update set display_name = excluded.display_name returning id""",
                    Map.of("username", OFFICERS[i][0], "displayName", OFFICERS[i][1]), rs -> rs.getLong(1));
        }
        return ids;
    }
}
