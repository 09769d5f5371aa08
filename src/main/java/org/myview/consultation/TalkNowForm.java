package org.myview.consultation;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import org.myview.web.FormErrors;
import org.myview.web.FormResult;
import org.myview.web.FreeText;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The talk-now page as posted: the ways to be contacted (checkboxes), when it is safe (radios), "please don't
 * contact me through my carer" ({@code yes} when ticked) and a short message. Bound with {@code @Body}; its
 * {@link #check()} gives the {@link TalkNowChoices} to raise, or the message's error.
 */
@Serdeable
record TalkNowForm(@Nullable List<String> ways, @Nullable String safeTime, @Nullable String notThroughCarer,
                   @Nullable String message) {

    TalkNowForm {
        ways = ways == null ? List.of() : ways.stream().filter(java.util.Objects::nonNull).toList();
        message = FreeText.field(message);
    }

    /**
     * What the child chose. Values not on the page are dropped (they cannot come from it), so the page shown again
     * keeps only what it offers.
     */
    TalkNowChoices choices() {
        Set<TalkNowChoices.Way> chosen = EnumSet.noneOf(TalkNowChoices.Way.class);
        for (TalkNowChoices.Way way : TalkNowChoices.Way.values()) {
            if (ways.contains(way.name())) {
                chosen.add(way);
            }
        }
        TalkNowChoices.SafeTime time = null;
        for (TalkNowChoices.SafeTime t : TalkNowChoices.SafeTime.values()) {
            if (t.name().equals(safeTime)) {
                time = t;
            }
        }
        return new TalkNowChoices(chosen, time, "yes".equals(notThroughCarer), message);
    }

    /** Only a message that is too long is the child's to fix. */
    FormResult<TalkNowChoices> check() {
        FormErrors errors = new FormErrors();
        if (message.length() > TalkNowChoices.MAX_MESSAGE) {
            errors.add("message", "consultation.talkNow.error.tooLong", TalkNowChoices.MAX_MESSAGE);
        }
        return FormResult.of(errors, this::choices);
    }
}
