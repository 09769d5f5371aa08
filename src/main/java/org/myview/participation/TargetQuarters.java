package org.myview.participation;

import jakarta.inject.Provider;
import jakarta.inject.Singleton;
import org.myview.consultation.ConcernCounts;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * The quarters of a headline measure that the PN codes do not give ({@link Measure#fromCodes()}): My Review My View
 * and forms read for the target's review types, every officer; concerns open at the end of the quarter (or now, in
 * the current quarter), the whole service. Null for a quarter not started or with nothing to divide.
 */
@Singleton
record TargetQuarters(
        // FormsReadService reads the filters' slices through ParticipationService, which uses this: a provider breaks the circle.
        Provider<FormsReadService> formsRead,
        ConcernCounts concerns) {

    List<BigDecimal> of(Measure measure, ParticipationService.Filters filters, YearMonth lastMonth,
                        Supplier<MyReviewMyView> myReviewMyView) {
        MyReviewMyView mrmv = measure == Measure.MRMV_COMPLETED ? myReviewMyView.get() : null;
        FormsRead read = measure == Measure.FORMS_READ ? formsRead.get().formsRead(filters) : null;
        List<BigDecimal> quarters = new ArrayList<>();
        for (int q = 1; q <= 4; q++) {
            List<YearMonth> months = filters.year().monthsOfQuarter(q);
            if (months.get(0).isAfter(lastMonth)) {
                quarters.add(null);
                continue;
            }
            Counts.Figure figure = switch (measure) {
                case MRMV_COMPLETED -> Counts.Figure.of(mrmv.columns().get(q - 1).completed(), mrmv.columns().get(q - 1).held());
                case FORMS_READ -> read.total().cells().get(q - 1).share();
                default -> null;
            };
            if (measure == Measure.CONCERNS_OPEN) {
                YearMonth end = months.get(2).isAfter(lastMonth) ? lastMonth : months.get(2);
                quarters.add(BigDecimal.valueOf(concerns.of(end).openAtEnd()));
            } else {
                quarters.add(figure != null && figure.hasPercent() ? BigDecimal.valueOf(figure.percentValue()) : null);
            }
        }
        return quarters;
    }
}
