package org.myview.consultation;

import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What the child chose on the talk-now page, all optional: how to be contacted, when it is safe,
 * "please don't contact me through my carer", and a short message ({@link TalkNowForm} reads and checks the page).
 */
record TalkNowChoices(Set<Way> ways, SafeTime safeTime, boolean notThroughCarer, String message) {

    static final int MAX_MESSAGE = 500;

    enum Way { PHONE, TEXT, SCHOOL, HOME }

    enum SafeTime { ANY, MORNING, AFTERNOON, EVENING }

    static TalkNowChoices empty() {
        return new TalkNowChoices(EnumSet.noneOf(Way.class), null, false, "");
    }

    boolean has(String way) {
        return ways.stream().anyMatch(w -> w.name().equals(way));
    }

    String waysText() {
        return ways.stream().map(Way::name).collect(Collectors.joining(","));
    }
}
