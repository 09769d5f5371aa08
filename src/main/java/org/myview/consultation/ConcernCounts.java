package org.myview.consultation;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.time.YearMonth;
import java.time.ZoneId;

/**
 * How many talk-now concerns were raised and closed in a month, and how many were still open at its end
 * (months in Europe/London). Counts only: the board pack reports them; who raised a concern stays with
 * {@link ConcernService}.
 */
@Singleton
public class ConcernCounts {

    private static final ZoneId LONDON = ZoneId.of("Europe/London");

    /** The month's figures; {@code openAtEnd} counts concerns raised before the month ended and not closed by then. */
    public record Month(YearMonth month, long raised, long closed, long openAtEnd) {
    }

    private final ConcernCountsRepository repository;

    ConcernCounts(ConcernCountsRepository repository) {
        this.repository = repository;
    }

    @Transactional(readOnly = true)
    public Month of(YearMonth month) {
        var from = month.atDay(1).atStartOfDay(LONDON).toInstant();
        var until = month.plusMonths(1).atDay(1).atStartOfDay(LONDON).toInstant();
        return new Month(month, repository.raised(from, until), repository.closed(from, until), repository.openAt(until));
    }
}
