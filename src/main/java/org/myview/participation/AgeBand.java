package org.myview.participation;

/**
 * One age band of a report, in whole years on the review date.
 *
 * @param key         stable identifier for settings, CSV headings and HTML ids ("under-4", "4-7", "16-plus")
 * @param label       what a reader sees ("Under 4", "4-7", "16+")
 * @param from        youngest age in the band
 * @param toInclusive oldest age in the band, or null for the open top band
 */
public record AgeBand(String key, String label, int from, Integer toInclusive) {

    public boolean contains(int age) {
        return age >= from && (toInclusive == null || age <= toInclusive);
    }
}
