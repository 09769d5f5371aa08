package org.myview.participation;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import org.myview.system.Transactions;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** "Read before the review": the figures and the exceptions lists, for the dashboard, its CSV and the API. */
@Singleton
public record FormsReadService(FormsReadRepository repository, ParticipationService participation,
                               @Value("${myview.participation.unread-soon-days:7}") int soonDays,
                               Transactions transactions) {

    public FormsReadService {
        soonDays = Math.max(0, soonDays); // a negative setting would list nothing as soon
    }

    /** Enough to act on; the CSV and API give the same first rows. */
    static final int LIST_LIMIT = 200;
    static final List<String> KEYS = List.of("Q1", "Q2", "Q3", "Q4", "YTD");

    public FormsRead formsRead(ParticipationService.Filters filters) {
        return transactions.read(() -> {
            FinancialYear year = filters.year();
            LocalDate today = participation.today();
            LocalDate to = year.lastDay().isBefore(today) ? year.lastDay() : today;
            int ageFrom = filters.ageBand() == null ? 0 : filters.ageBand().from();
            int ageTo = filters.ageBand() == null || filters.ageBand().toInclusive() == null ? 200 : filters.ageBand().toInclusive();
            List<String> types = List.of(filters.type().names());
            List<FormsReadRepository.Group> groups = year.firstDay().isAfter(to) ? List.of()
                    : repository.groups(year.firstDay(), to, types, ageFrom, ageTo, filters.officerId(), today);

            FormsRead.Row total = row("", groups);
            Map<Long, List<FormsReadRepository.Group>> officers = new LinkedHashMap<>();
            Map<Long, String> names = new LinkedHashMap<>();
            groups.stream().sorted(Comparator.comparing(g -> g.officerName() == null ? "" : g.officerName()))
                    .forEach(g -> {
                        long key = g.officerId() == null ? -1 : g.officerId();
                        officers.computeIfAbsent(key, k -> new ArrayList<>()).add(g);
                        names.putIfAbsent(key, g.officerName());
                    });
            List<FormsRead.Row> byOfficer = new ArrayList<>();
            officers.forEach((id, list) -> byOfficer.add(row(names.get(id), list)));
            List<AgeBand> bands = filters.ageBand() == null ? participation.bands().bands() : List.of(filters.ageBand());
            List<FormsRead.Row> byBand = bands.stream()
                    .map(b -> row(b.label(), groups.stream().filter(g -> b.contains(g.age())).toList())).toList();

            LocalDate yesterday = today.minusDays(1);
            List<FormsRead.Unread> neverRead = year.firstDay().isAfter(yesterday) ? List.of()
                    : unread(repository.unread(year.firstDay(), year.lastDay().isBefore(yesterday) ? year.lastDay() : yesterday,
                            types, ageFrom, ageTo, filters.officerId(), LIST_LIMIT));
            List<FormsRead.Unread> dueUnread = unread(repository.unread(today, today.plusDays(soonDays), types, ageFrom, ageTo,
                    filters.officerId(), LIST_LIMIT));
            return new FormsRead(KEYS, total, byOfficer, byBand, neverRead, dueUnread, soonDays);
        });
    }

    private static List<FormsRead.Unread> unread(List<FormsReadRepository.UnreadRow> rows) {
        return rows.stream().map(r -> new FormsRead.Unread(r.reviewId(), r.caseReference(), r.reviewDate(),
                r.officerName() == null ? "" : r.officerName(), r.sentAt())).toList();
    }

    /** Sums groups per quarter (Q1 to Q4) and for the year. */
    private static FormsRead.Row row(String label, List<FormsReadRepository.Group> groups) {
        long[] sent = new long[5];
        long[] read = new long[5];
        for (FormsReadRepository.Group g : groups) {
            sent[g.quarter() - 1] += g.sent();
            read[g.quarter() - 1] += g.read();
            sent[4] += g.sent();
            read[4] += g.read();
        }
        List<FormsRead.Cell> cells = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            cells.add(new FormsRead.Cell(sent[i], read[i]));
        }
        return new FormsRead.Row(label == null ? "" : label, cells);
    }

}
