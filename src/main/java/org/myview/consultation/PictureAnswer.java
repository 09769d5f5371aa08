package org.myview.consultation;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The answer to a picture question: the pictures the child chose and, optionally, what they told a
 * grown-up. Stored in the one answer column as the chosen values on the first line (space apart: values
 * never hold spaces) and the words after it, so a picture question needs no new table.
 */
record PictureAnswer(List<String> picks, String words) {

    PictureAnswer {
        picks = List.copyOf(picks);
        words = words == null ? "" : words;
    }

    static PictureAnswer parse(String stored) {
        if (stored == null || stored.isEmpty()) {
            return new PictureAnswer(List.of(), "");
        }
        int newline = stored.indexOf('\n');
        String first = newline < 0 ? stored : stored.substring(0, newline);
        List<String> picks = first.isBlank() ? List.of() : List.of(first.strip().split(" +"));
        return new PictureAnswer(picks, newline < 0 ? "" : stored.substring(newline + 1));
    }

    String stored() {
        return String.join(" ", picks) + (words.isEmpty() ? "" : "\n" + words);
    }

    boolean isEmpty() {
        return picks.isEmpty() && words.isBlank();
    }

    /** The problem's message key, or empty when the child's choice can be kept. */
    Optional<String> problem(List<String> allowed, int maxWords) {
        if (isEmpty()) {
            return Optional.of("consultation.question.errorPictures");
        }
        if (!allowed.containsAll(picks) || picks.size() != picks.stream().distinct().count()) {
            return Optional.of("consultation.question.errorPictures");
        }
        if (words.length() > maxWords) {
            return Optional.of("consultation.question.tooLong");
        }
        return Optional.empty();
    }

    /** The ticked values from a posted form: each picture is its own field, {@code pick.<value>}. */
    static List<String> picksFrom(java.util.Map<String, String> body, List<String> allowed) {
        List<String> picks = new ArrayList<>();
        for (String value : allowed) {
            if (body.containsKey("pick." + value)) {
                picks.add(value);
            }
        }
        return picks;
    }
}
