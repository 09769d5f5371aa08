package org.myview.participation;

import jakarta.inject.Singleton;
import org.myview.review.ReviewTimescales;
import org.myview.review.ReviewTimescales.ChildReview;
import org.myview.review.ReviewTimescales.Status;
import org.myview.review.ReviewTimescales.Verdict;
import org.myview.review.ReviewType;
import org.myview.system.Transactions;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Review timeliness for the manager (issue 18): of the reviews held in each month, quarter and the year, how many
 * were assessed against the statutory timescale ({@link ReviewTimescales}) and how many kept to it; the late
 * ones by name of case reference; and booked reviews whose date is already after their due date.
 */
@Singleton
public record TimelinessService(TimelinessRepository repository, Clock clock, Transactions transactions) {

    /** CLA reviews, or child protection conferences (initial and review). */
    public enum Kind {
        CLA(List.of(ReviewType.CLA)), CP(List.of(ReviewType.CP_INITIAL, ReviewType.CP_REVIEW));

        final List<ReviewType> types;

        Kind(List<ReviewType> types) {
            this.types = types;
        }
    }

    /** Assessed and timely reviews of one period; {@code percent} is null when none was assessed. */
    public record Period(String label, int held, int assessed, int timely, BigDecimal percent) {
        public int late() {
            return assessed - timely;
        }
    }

    /** A review that missed (or, when booked, will miss) its timescale. */
    public record LateReview(long reviewId, String caseReference, ReviewType type, LocalDate date, LocalDate dueBy, long daysLate,
                      String officerName, ReviewTimescales.Rule rule) {
    }

    public record Timeliness(FinancialYear year, Kind kind, List<Period> months, List<Period> quarters, Period yearToDate,
                      List<LateReview> late, List<LateReview> bookedLate) {
    }

    LocalDate today() {
        return LocalDate.now(clock);
    }

    Timeliness of(FinancialYear year, Kind kind, Long officerId) {
        return transactions.read(() -> {
            LocalDate today = today();
            List<TimelinessRepository.ReviewRow> rows = repository.reviewsUntil(
                    kind.types.stream().map(Enum::name).toList(), year.lastDay().isAfter(today.plusYears(1)) ? year.lastDay() : today.plusYears(1));
            Map<Long, TimelinessRepository.ReviewRow> byId = new HashMap<>();
            List<Verdict> verdicts = new ArrayList<>();
            List<ChildReview> child = new ArrayList<>();
            long childId = -1;
            for (TimelinessRepository.ReviewRow row : rows) {
                byId.put(row.id(), row);
                if (row.childId() != childId && !child.isEmpty()) {
                    verdicts.addAll(ReviewTimescales.assess(child));
                    child.clear();
                }
                childId = row.childId();
                child.add(new ChildReview(row.id(), row.childId(), ReviewType.valueOf(row.reviewType()), row.reviewDate(), null));
            }
            if (!child.isEmpty()) {
                verdicts.addAll(ReviewTimescales.assess(child));
            }

            Map<YearMonth, int[]> counts = new HashMap<>(); // held, assessed, timely
            List<LateReview> late = new ArrayList<>();
            List<LateReview> bookedLate = new ArrayList<>();
            for (Verdict verdict : verdicts) {
                TimelinessRepository.ReviewRow row = byId.get(verdict.review().reviewId());
                if (officerId != null && !officerId.equals(row.officerId())) {
                    continue;
                }
                LocalDate date = verdict.review().date();
                if (date.isAfter(today)) {
                    if (verdict.status() == Status.LATE) {
                        bookedLate.add(lateReview(verdict, row));
                    }
                    continue;
                }
                if (!year.contains(date)) {
                    continue;
                }
                int[] c = counts.computeIfAbsent(YearMonth.from(date), m -> new int[3]);
                c[0]++;
                if (verdict.status() != Status.NOT_ASSESSED) {
                    c[1]++;
                }
                if (verdict.status() == Status.TIMELY) {
                    c[2]++;
                }
                if (verdict.status() == Status.LATE) {
                    late.add(lateReview(verdict, row));
                }
            }
            late.sort(Comparator.comparing(LateReview::date).thenComparing(LateReview::caseReference));
            bookedLate.sort(Comparator.comparing(LateReview::date).thenComparing(LateReview::caseReference));

            List<Period> months = new ArrayList<>();
            for (YearMonth month : year.months()) {
                months.add(period(month.toString(), List.of(month), counts));
            }
            List<Period> quarters = new ArrayList<>();
            for (int quarter = 1; quarter <= 4; quarter++) {
                quarters.add(period("Q" + quarter, year.monthsOfQuarter(quarter), counts));
            }
            return new Timeliness(year, kind, months, quarters, period(year.label(), year.months(), counts), late, bookedLate);
        });
    }

    private static LateReview lateReview(Verdict verdict, TimelinessRepository.ReviewRow row) {
        return new LateReview(row.id(), row.caseReference(), verdict.review().type(), verdict.review().date(), verdict.dueBy(),
                verdict.daysLate(), row.officerName(), verdict.rule());
    }

    private static Period period(String label, List<YearMonth> months, Map<YearMonth, int[]> counts) {
        int held = 0;
        int assessed = 0;
        int timely = 0;
        for (YearMonth month : months) {
            int[] c = counts.get(month);
            if (c != null) {
                held += c[0];
                assessed += c[1];
                timely += c[2];
            }
        }
        BigDecimal percent = assessed == 0 ? null
                : BigDecimal.valueOf(timely * 100L).divide(BigDecimal.valueOf(assessed), 1, RoundingMode.HALF_UP);
        return new Period(label, held, assessed, timely, percent);
    }
}
