package org.myview.consultation;

import jakarta.inject.Singleton;
import org.myview.system.Transactions;

import java.time.YearMonth;
import java.time.ZoneId;

/**
 * How many talk-now concerns were raised and closed in a month, and how many were still open at its end
 * (months in Europe/London). Counts only: the board pack reports them; who raised a concern stays with
 * {@link ConcernService}.
 */
@Singleton
public record ConcernCounts(ConcernCountsRepository repository, Transactions transactions) {

    private static final ZoneId LONDON = ZoneId.of("Europe/London");

    /** The month's figures; {@code openAtEnd} counts concerns raised before the month ended and not closed by then. */
    public record Month(YearMonth month, long raised, long closed, long openAtEnd) {
    }

    public Month of(YearMonth month) {
        return transactions.read(() -> {
            var from = month.atDay(1).atStartOfDay(LONDON).toInstant();
            var until = month.plusMonths(1).atDay(1).atStartOfDay(LONDON).toInstant();
            return new Month(month, repository.raised(from, until), repository.closed(from, until), repository.openAt(until));
        });
    }
}
