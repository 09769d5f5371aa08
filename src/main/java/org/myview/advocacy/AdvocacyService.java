package org.myview.advocacy;

import io.micronaut.context.annotation.Value;
import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.inject.Singleton;
import org.myview.consultation.AdvocateRequested;
import org.myview.participation.Counts;
import org.myview.participation.FinancialYear;
import org.myview.participation.Measure;
import org.myview.participation.ParticipationService;
import org.myview.participation.ReviewTypeFilter;
import org.myview.review.Review;
import org.myview.review.ReviewService;
import org.myview.staff.AuditAction;
import org.myview.staff.AuditEvent;
import org.myview.staff.AuditTrail;
import org.myview.staff.Role;
import org.myview.staff.StaffUser;
import org.myview.system.Transactions;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Advocacy referrals (issue 15, item 5): raised from a child's form, progressed by staff, counted against NYAS's
 * target of referrals per quarter (docs/advocacy.md). Who sees a referral: the review's own reviewing officer,
 * the reviewing service manager and the participation lead (who makes referrals for the service).
 */
@Singleton
public record AdvocacyService(AdvocacyRepository repository, ReviewService reviews, ParticipationService participation,
                              AuditTrail audit, Clock clock,
                              @Value("${myview.advocacy.referrals-per-quarter:25}") BigDecimal defaultTarget,
                              @Value("${myview.advocacy.tolerance:5}") BigDecimal defaultTolerance, Transactions transactions) {

    static final String SUBJECT = "advocacy_referral";
    private static final ZoneId LONDON = ZoneId.of("Europe/London");
    /** How long a closed referral stays on the list. */
    static final int CLOSED_SHOWN_DAYS = 90;

    LocalDate today() {
        return LocalDate.now(clock.withZone(LONDON));
    }

    /** A child asked for an advocate and said yes to passing it on: one referral for the form, in its transaction. */
    @EventListener
    void onAdvocateRequested(AdvocateRequested event) {
        // joins the transaction that sends the form
        transactions.run(() -> {
            Optional.ofNullable(repository.insert(event.reviewId(), event.consultationId(), event.requestedAt())).flatMap(repository::find)
                    .ifPresent(row -> audit.record(AuditEvent.of(null, AuditAction.ADVOCACY_REFERRAL_RAISED)
                            .child(row.childId()).review(row.reviewId()).subject(SUBJECT, row.id())));
        });
    }

    /** Whether this person sees every referral (the manager and the participation lead) or only their own reviews'. */
    static boolean seesAll(StaffUser user) {
        return user.has(Role.SERVICE_MANAGER) || user.has(Role.PARTICIPATION_LEAD);
    }

    private boolean maySee(StaffUser user, AdvocacyRepository.Row row) {
        if (seesAll(user)) {
            return true;
        }
        return user.has(Role.REVIEWING_OFFICER) && row.officerId() != null && row.officerId() == user.accountId();
    }

    /** Open referrals and those closed recently that this person may see (audited: the list names children). */
    List<AdvocacyRepository.Row> list(StaffUser user) {
        return transactions.write(() -> {
            List<AdvocacyRepository.Row> rows = repository.list(seesAll(user) ? null : user.accountId(), today().minusDays(CLOSED_SHOWN_DAYS));
            audit.record(AuditEvent.of(user, AuditAction.ADVOCACY_REFERRALS_LISTED).detail(Map.of("shown", rows.size())));
            return rows;
        });
    }

    /** The referral if this person may see it (audited), else empty: another officer's answers 404 as an unknown one. */
    Optional<AdvocacyRepository.Row> page(StaffUser user, long id) {
        return transactions.write(() -> {
            Optional<AdvocacyRepository.Row> found = repository.find(id).filter(row -> maySee(user, row));
            found.ifPresent(row -> audit.record(AuditEvent.of(user, AuditAction.ADVOCACY_REFERRAL_VIEWED)
                    .child(row.childId()).review(row.reviewId()).subject(SUBJECT, row.id())));
            return found;
        });
    }

    /** The referrals of a review the person may open (for the review page's section). */
    public List<AdvocacyRepository.Row> forReview(StaffUser user, Review review) {
        return transactions.read(() -> ReviewService.mayOpen(user, review) ? repository.forReview(review.id()) : List.of());
    }

    /** Open referrals of this person's reviews that nobody has referred yet (for the top of their review list). */
    public long waiting(StaffUser user) {
        return transactions.read(() -> repository.list(seesAll(user) ? null : user.accountId(), today()).stream()
                .filter(r -> r.status().equals("WAITING")).count());
    }

    /** Checks and records a step, under the row's lock; the errors when it cannot be recorded, empty when the person may not see it. */
    Optional<org.myview.web.FormResult<ReferralProgressForm.Step>> record(StaffUser user, long id, ReferralProgressForm form) {
        return transactions.write(() -> {
            if (repository.lock(id).isEmpty()) {
                return Optional.empty();
            }
            Optional<AdvocacyRepository.Row> found = repository.find(id).filter(row -> maySee(user, row));
            if (found.isEmpty()) {
                return Optional.empty();
            }
            AdvocacyRepository.Row row = found.get();
            var checked = form.check(row, row.requestedAt().atZone(LONDON).toLocalDate(), today());
            if (!checked.isValid()) {
                return Optional.of(checked);
            }
            ReferralProgressForm.Step step = checked.value();
            var now = clock.instant();
            switch (step.step()) {
                case "REFERRED" -> repository.referred(id, step.service(), step.otherService(), step.on(), user.accountId(), now);
                case "CLOSED" -> repository.close(id, step.on(), user.accountId(), now);
                default -> repository.outcome(id, step.step(), step.on(), user.accountId(), now);
            }
            Map<String, Object> detail = new HashMap<>(Map.of("step", step.step(), "on", step.on().toString()));
            if (step.service() != null) {
                detail.put("service", step.service()); // the name of another service is not personal, but stays out anyway
            }
            audit.record(AuditEvent.of(user, AuditAction.ADVOCACY_REFERRAL_UPDATED).child(row.childId()).review(row.reviewId())
                    .subject(SUBJECT, id).detail(detail));
            return Optional.of(checked);
        });
    }

    // --- figures -------------------------------------------------------------------------------------

    public AdvocacyFigures figures(FinancialYear year) {
        return transactions.read(() -> {
            LocalDate first = year.firstDay();
            LocalDate last = year.lastDay();
            Map<AdvocacyFigures.Row, Map<YearMonth, Long>> counts = new EnumMap<>(AdvocacyFigures.Row.class);
            for (AdvocacyFigures.Row row : AdvocacyFigures.Row.values()) {
                counts.put(row, new HashMap<>());
            }
            repository.requestedByMonth(first, last).forEach(c -> counts.get(AdvocacyFigures.Row.REQUESTED).put(YearMonth.parse(c.month()), c.count()));
            repository.referredByMonth(first, last).forEach(c -> counts.get("NYAS".equals(c.kind())
                    ? AdvocacyFigures.Row.REFERRED_NYAS : AdvocacyFigures.Row.REFERRED_OTHER).put(YearMonth.parse(c.month()), c.count()));
            for (AdvocacyRepository.Month m : repository.months(first, last)) {
                YearMonth month = YearMonth.from(m.month());
                counts.get(AdvocacyFigures.Row.ISSUE_BASED).put(month, (long) m.issueBased());
                counts.get(AdvocacyFigures.Row.RIGHTS_SESSIONS).put(month, (long) m.rightsSessions());
            }
            Map<YearMonth, Counts> proxy = participation.months(ReviewTypeFilter.ALL, year.months().get(0), year.months().get(11));
            proxy.forEach((month, c) -> counts.get(AdvocacyFigures.Row.REVIEWS_WITH_NYAS).put(month, c.nyas()));
            // The manager's target for NYAS referrals (participation targets) when set; the plan's 25 a quarter otherwise.
            Optional<ParticipationService.TargetStatus> target = participation.targets(year).stream()
                    .filter(t -> t.measure() == Measure.NYAS_REFERRALS).findFirst();
            return AdvocacyFigures.of(year, YearMonth.from(today()), counts,
                    target.map(ParticipationService.TargetStatus::target).orElse(defaultTarget),
                    target.map(ParticipationService.TargetStatus::tolerance).orElse(defaultTolerance),
                    target.map(ParticipationService.TargetStatus::baseline).orElse(null));
        });
    }

    /** The lead's monthly entries of a year, by month (for the entry page). */
    Map<YearMonth, AdvocacyRepository.Month> months(FinancialYear year) {
        return transactions.read(() -> {
            Map<YearMonth, AdvocacyRepository.Month> byMonth = new HashMap<>();
            repository.months(year.firstDay(), year.lastDay()).forEach(m -> byMonth.put(YearMonth.from(m.month()), m));
            return byMonth;
        });
    }

    void saveMonth(StaffUser user, MonthEntryForm.Entry entry) {
        transactions.run(() -> {
            repository.saveMonth(entry.month().atDay(1), entry.issueBased(), entry.rightsSessions(), user.accountId(), clock.instant());
            audit.record(AuditEvent.of(user, AuditAction.ADVOCACY_MONTH_ENTERED).detail(Map.of("month", entry.month().toString(),
                    "issueBased", entry.issueBased(), "rightsSessions", entry.rightsSessions())));
        });
    }

    void recordExport(StaffUser user, String what, FinancialYear year) {
        audit.record(AuditEvent.of(user, AuditAction.DASHBOARD_EXPORTED).detail(Map.of("export", what, "year", year.label())));
    }
}
