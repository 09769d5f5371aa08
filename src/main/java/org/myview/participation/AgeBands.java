package org.myview.participation;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * The age bands a report is cut by, defined by their lower bounds so they always cover every age from 0 up,
 * with no gaps or overlaps. Local authorities use different bands (4-7, 8-11 or 8-12, 12+ or 13+), so the
 * bands are a setting; the default is under 4, 4-7, 8-11, 12-15, 16+.
 */
public final class AgeBands {

    public static final List<Integer> DEFAULT_LOWER_BOUNDS = List.of(0, 4, 8, 12, 16);

    private final List<Integer> lowerBounds;
    private final List<AgeBand> bands;

    private AgeBands(List<Integer> lowerBounds) {
        this.lowerBounds = List.copyOf(lowerBounds);
        this.bands = buildBands(this.lowerBounds);
    }

    public static AgeBands defaults() {
        return of(DEFAULT_LOWER_BOUNDS);
    }

    /**
     * Bands starting at each bound: [0, 4, 8] gives under 4, 4-7 and 8+.
     *
     * @throws IllegalArgumentException unless the bounds start at 0 and strictly increase
     */
    public static AgeBands of(List<Integer> lowerBounds) {
        Objects.requireNonNull(lowerBounds, "lowerBounds");
        if (lowerBounds.isEmpty() || lowerBounds.get(0) == null || lowerBounds.get(0) != 0) {
            // Starting at 0 means every child has a band: none drop out of the totals.
            throw new IllegalArgumentException("Age bands must start at 0, for example 0,4,8,12,16");
        }
        for (int i = 1; i < lowerBounds.size(); i++) {
            Integer bound = lowerBounds.get(i);
            if (bound == null || bound <= lowerBounds.get(i - 1)) {
                throw new IllegalArgumentException("Each age band must start at a higher age than the one before, "
                        + "for example 0,4,8,12,16; " + bound + " comes after " + lowerBounds.get(i - 1));
            }
        }
        return new AgeBands(lowerBounds);
    }

    /** From a setting such as "0,4,8,12,16" (spaces around the commas are fine). */
    public static AgeBands parse(String setting) {
        if (setting == null || setting.isBlank()) {
            throw new IllegalArgumentException("Age bands are missing: give the youngest age of each band, "
                    + "for example 0,4,8,12,16");
        }
        List<Integer> bounds = new ArrayList<>();
        for (String part : setting.split(",", -1)) {
            String number = part.strip();
            if (!number.matches("\\d{1,3}")) {
                throw new IllegalArgumentException("'" + number + "' is not an age in years. Give the youngest age "
                        + "of each band as whole numbers, for example 0,4,8,12,16");
            }
            bounds.add(Integer.parseInt(number));
        }
        return of(bounds);
    }

    public List<AgeBand> bands() {
        return bands;
    }

    public List<Integer> lowerBounds() {
        return lowerBounds;
    }

    /** The band holding {@code age} (whole years, from {@code ChildAge.yearsOn}). */
    public AgeBand bandFor(int age) {
        if (age < 0) {
            throw new IllegalArgumentException("An age cannot be negative: " + age);
        }
        for (int i = bands.size() - 1; i >= 0; i--) {
            if (age >= bands.get(i).from()) {
                return bands.get(i);
            }
        }
        throw new IllegalStateException("unreachable: the first band starts at 0");
    }

    private static List<AgeBand> buildBands(List<Integer> bounds) {
        List<AgeBand> result = new ArrayList<>(bounds.size());
        for (int i = 0; i < bounds.size(); i++) {
            int from = bounds.get(i);
            Integer to = i + 1 < bounds.size() ? bounds.get(i + 1) - 1 : null;
            result.add(band(from, to));
        }
        return List.copyOf(result);
    }

    private static AgeBand band(int from, Integer to) {
        if (to == null) {
            return from == 0
                    ? new AgeBand("all-ages", "All ages", 0, null)
                    : new AgeBand(from + "-plus", from + "+", from, null);
        }
        if (from == 0) {
            return new AgeBand("under-" + (to + 1), "Under " + (to + 1), 0, to);
        }
        if (from == to) {
            return new AgeBand(String.valueOf(from), String.valueOf(from), from, to);
        }
        return new AgeBand(from + "-" + to, from + "-" + to, from, to);
    }

    /** The setting that builds these bands, so toString and parse round-trip. */
    @Override
    public String toString() {
        return lowerBounds.stream().map(String::valueOf).collect(Collectors.joining(","));
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof AgeBands that && lowerBounds.equals(that.lowerBounds);
    }

    @Override
    public int hashCode() {
        return lowerBounds.hashCode();
    }
}
