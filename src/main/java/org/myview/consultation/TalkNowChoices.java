package org.myview.consultation;

import org.myview.web.FormErrors;
import org.myview.web.FreeText;

import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What the child chose on the talk-now page, all optional: how to be contacted, when it is safe,
 * "please don't contact me through my carer", and a short message. Values not on the page are
 * dropped (they cannot come from it); only a message that is too long is the child's to fix.
 */
record TalkNowChoices(Set<Way> ways, SafeTime safeTime, boolean notThroughCarer, String message) {

    static final int MAX_MESSAGE = 500;

    enum Way { PHONE, TEXT, SCHOOL, HOME }

    enum SafeTime { ANY, MORNING, AFTERNOON, EVENING }

    static TalkNowChoices empty() {
        return new TalkNowChoices(EnumSet.noneOf(Way.class), null, false, "");
    }

    static TalkNowChoices of(Map<String, Object> body) {
        Set<Way> ways = EnumSet.noneOf(Way.class);
        for (String value : values(body.get("ways"))) {
            for (Way way : Way.values()) {
                if (way.name().equals(value)) {
                    ways.add(way);
                }
            }
        }
        SafeTime time = null;
        String chosen = first(body.get("safeTime"));
        for (SafeTime t : SafeTime.values()) {
            if (t.name().equals(chosen)) {
                time = t;
            }
        }
        String message = FreeText.clean(first(body.get("message"))).strip();
        return new TalkNowChoices(ways, time, "yes".equals(first(body.get("notThroughCarer"))), message);
    }

    /** Adds the problems to {@code errors}; true when there are none. */
    boolean check(FormErrors errors) {
        if (message.length() > MAX_MESSAGE) {
            errors.add("message", "consultation.talkNow.error.tooLong", MAX_MESSAGE);
        }
        return errors.isEmpty();
    }

    boolean has(String way) {
        return ways.stream().anyMatch(w -> w.name().equals(way));
    }

    String waysText() {
        return ways.stream().map(Way::name).collect(Collectors.joining(","));
    }

    private static List<String> values(Object value) {
        if (value instanceof Collection<?> c) {
            return c.stream().map(String::valueOf).toList();
        }
        return value == null ? List.of() : List.of(String.valueOf(value));
    }

    private static String first(Object value) {
        List<String> values = values(value);
        return values.isEmpty() ? "" : values.get(0);
    }
}
