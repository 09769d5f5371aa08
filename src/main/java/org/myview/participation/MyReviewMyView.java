package org.myview.participation;

import java.util.List;

/**
 * My Review My View (the consultation form a child fills in before a review), per quarter of the
 * review date and for the year to date, over the reviews held (review date on or before today) that
 * match the dashboard's filters.
 *
 * <ul>
 *   <li>completed: reviews whose child sent a form on or before the review date (Europe/London); a form
 *   sent after the review date does not count, and a review counts once however many forms were sent</li>
 *   <li>completed by age band: the same, by the child's age on the review date</li>
 *   <li>completed for a first review: the same, where the child had no earlier review of that type</li>
 *   <li>held: reviews held in the quarter, recorded or not</li>
 *   <li>form sent: held reviews with a link to the form created for the child on or before the review date</li>
 * </ul>
 *
 * @param bands   the age bands shown (every band, or the one the page is filtered to)
 * @param columns Q1 to Q4, then the year to date
 */
public record MyReviewMyView(ParticipationService.Filters filters, List<AgeBand> bands, List<Column> columns) {

    /** One quarter, or the year to date. {@code completedByBand} follows {@code bands}. */
    public record Column(String key, String label, long completed, List<Long> completedByBand, long completedFirstReview,
                         long held, long formSent) {

        public Column {
            completedByBand = List.copyOf(completedByBand);
        }

        /** Reviews with a form sent, as a whole percentage (half up) of reviews held; no data when none were held. */
        public Counts.Figure formSentShare() {
            return Counts.Figure.of(formSent, held);
        }

        public long completedIn(int band) {
            return completedByBand.get(band);
        }
    }

    /** The year-to-date column. */
    public Column year() {
        return columns.get(columns.size() - 1);
    }
}
