package org.myview.participation;

import io.micronaut.http.HttpStatus;
import io.micronaut.http.exceptions.HttpStatusException;
import jakarta.inject.Singleton;
import org.myview.staff.StaffAccount;
import org.myview.staff.StaffAccountService;
import org.myview.staff.StaffUser;

/** The dashboard's GET parameters read the same way by the page and each of its CSV downloads. */
@Singleton
record DashboardFilters(ParticipationService participation, StaffAccountService staff) {

    /** A manager chooses the officer (an unknown one matches nothing); an officer always sees their own reviews. */
    ParticipationService.Filters of(StaffUser user, String year, String type, String band, String officer) {
        FinancialYear financialYear = year == null || year.isBlank() ? null : FinancialYear.parse(year).orElse(null);
        if (financialYear == null && year != null && !year.isBlank()) {
            // 0999-00 or "abc": a bad request, not a query PostgreSQL or the charts cannot answer.
            throw new HttpStatusException(HttpStatus.BAD_REQUEST, "year");
        }
        if (financialYear == null) {
            financialYear = FinancialYear.containing(participation.today());
        }
        ReviewTypeFilter typeFilter = type == null ? ReviewTypeFilter.CLA : ReviewTypeFilter.parse(type).orElse(ReviewTypeFilter.CLA);
        AgeBand ageBand = band == null ? null
                : participation.bands().bands().stream().filter(b -> b.key().equals(band)).findFirst().orElse(null);
        Long officerId;
        if (user.seesAllReviews()) {
            officerId = officer == null || officer.isBlank() ? null
                    : staff.findByUsername(officer).map(StaffAccount::id).orElse(-1L);
        } else {
            officerId = user.accountId();
        }
        return new ParticipationService.Filters(financialYear, typeFilter, ageBand, officerId);
    }
}
