package org.myview.participation;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * "Read before the review" (issue 15, item 3): of the forms a child sent on or before the review date, how
 * many their own reviewing officer had opened by the end of the review date (Europe/London), per quarter of
 * the review date and for the year to date, over the reviews held that match the dashboard's filters; by
 * officer and by age band; and the forms still unread.
 *
 * @param keys       Q1 to Q4, then YTD
 * @param total      every filtered review
 * @param byOfficer  one row per reviewing officer with a form sent (the officer's own row only, for an officer)
 * @param byBand     one row per age band shown
 * @param neverRead  held reviews (review date before today, in the year) whose form was never opened by their officer
 * @param dueUnread  reviews from today to {@code soonDays} ahead whose sent form is unread
 * @param soonDays   how far ahead {@code dueUnread} looks
 */
public record FormsRead(List<String> keys, Row total, List<Row> byOfficer, List<Row> byBand, List<Unread> neverRead,
                        List<Unread> dueUnread, int soonDays) {

    public FormsRead {
        keys = List.copyOf(keys);
        byOfficer = List.copyOf(byOfficer);
        byBand = List.copyOf(byBand);
        neverRead = List.copyOf(neverRead);
        dueUnread = List.copyOf(dueUnread);
    }

    /** A line of the tables: one cell per key. */
    public record Row(String label, List<Cell> cells) {

        public Row {
            cells = List.copyOf(cells);
        }

        public Cell year() {
            return cells.get(cells.size() - 1);
        }
    }

    /** Forms sent before the review, and of those, read before it. */
    public record Cell(long sent, long read) {

        /** Read as a whole percentage (half up) of sent; no data when none were sent. */
        public Counts.Figure share() {
            return Counts.Figure.of(read, sent);
        }
    }

    /** A review whose sent form its officer has not opened. */
    public record Unread(long reviewId, String caseReference, LocalDate reviewDate, String officerName, Instant sentAt) {
    }
}
