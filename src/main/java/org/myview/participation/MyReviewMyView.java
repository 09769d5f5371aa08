package org.myview.participation;

import org.myview.received.OtherChannel;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * My Review My View (the consultation form a child fills in before a review), per quarter of the
 * review date and for the year to date, over the reviews held (review date on or before today) that
 * match the dashboard's filters.
 *
 * <ul>
 *   <li>completed: reviews whose child sent a form on or before the review date (Europe/London), or whose
 *   views were received another way (received/: a paper booklet, ...) on or before it; a form sent after the
 *   review date does not count, and a review counts once however many forms were sent and whichever way its
 *   views came</li>
 *   <li>completed by channel: the same, by the way the views came ({@link #CHANNELS}); a review whose child sent
 *   the online form counts as the online form, whatever else was recorded</li>
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

    /** The ways a child's views may come, in the order shown: the online form, then each other channel. */
    public static final List<String> CHANNELS;

    static {
        List<String> channels = new ArrayList<>(List.of(ParticipationRepository.ONLINE_FORM));
        for (OtherChannel channel : OtherChannel.values()) {
            channels.add(channel.name());
        }
        CHANNELS = Collections.unmodifiableList(channels);
    }

    /** One quarter, or the year to date. {@code completedByBand} follows {@code bands}; {@code completedByChannel} has every channel. */
    public record Column(String key, String label, long completed, List<Long> completedByBand, long completedFirstReview,
                         long held, long formSent, Map<String, Long> completedByChannel) {

        public Column {
            completedByBand = List.copyOf(completedByBand);
            Map<String, Long> byChannel = new LinkedHashMap<>();
            for (String channel : CHANNELS) {
                byChannel.put(channel, completedByChannel.getOrDefault(channel, 0L));
            }
            completedByChannel = Collections.unmodifiableMap(byChannel);
        }

        /** Reviews completed by this channel ({@link #CHANNELS}). */
        public long completedBy(String channel) {
            return completedByChannel.getOrDefault(channel, 0L);
        }

        /** Reviews with a form sent, as a whole percentage (half up) of reviews held; no data when none were held. */
        public Counts.Figure formSentShare() {
            return Counts.Figure.of(formSent, held);
        }

        public long completedIn(int band) {
            return completedByBand.get(band);
        }
    }

    /** The channels, for the page: the online form, then each other channel. */
    public List<String> channels() {
        return CHANNELS;
    }

    /** The year-to-date column. */
    public Column year() {
        return columns.get(columns.size() - 1);
    }
}
