package org.myview.review;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import org.myview.web.FormErrors;
import org.myview.web.FormResult;
import org.myview.web.FreeText;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * "How did the child take part": the PN code (the SSDA903 rules for the child's age and the review date), whether
 * an advocate was involved (needed for PN2 and PN5) and the ways the views reached the review (checkboxes, any
 * number). The clean value carries the {@link ParticipationMethod} itself, never its name.
 */
@Serdeable
record ParticipationForm(@Nullable String code, @Nullable String advocate, @Nullable List<String> viewsReachedBy) {

    /** A participation ready to save. */
    record Participation(ParticipationMethod code, Advocate advocate, Set<ViewsReachedBy> views) {
    }

    ParticipationForm {
        code = FreeText.field(code);
        advocate = FreeText.field(advocate);
        // An unticked checkbox sends nothing; an empty value is no choice, not a wrong one.
        viewsReachedBy = viewsReachedBy == null ? List.of()
                : viewsReachedBy.stream().map(FreeText::field).filter(v -> !v.isEmpty()).distinct().toList();
    }

    /** The form as first shown: what was recorded before, or nothing chosen and no advocate. */
    static ParticipationForm of(@Nullable ReviewParticipation current) {
        if (current == null) {
            return new ParticipationForm("", Advocate.NONE.name(), List.of());
        }
        return new ParticipationForm(current.code().name(), current.advocate().name(),
                current.viewsReachedBy().stream().map(Enum::name).toList());
    }

    FormResult<Participation> check(Review review, LocalDate today) {
        FormErrors errors = new FormErrors();
        Optional<ParticipationMethod> chosen = ParticipationMethod.parse(code);
        for (RuleViolation violation : Ssda903Rules.checkParticipation(review.child().dateOfBirth(), review.date(),
                chosen.orElse(null), today)) {
            errors.add("code", "review.rule." + violation.rule());
        }
        Optional<Advocate> who = named(Advocate.class, advocate);
        if (who.isEmpty()) {
            errors.add("advocate", "review.participation.error.advocate");
        } else if (chosen.isPresent() && (chosen.get() == ParticipationMethod.PN2 || chosen.get() == ParticipationMethod.PN5)
                && who.get() == Advocate.NONE) {
            errors.add("advocate", "review.participation.error.advocateNeeded");
        }
        Set<ViewsReachedBy> views = EnumSet.noneOf(ViewsReachedBy.class);
        for (String name : viewsReachedBy) {
            named(ViewsReachedBy.class, name).ifPresentOrElse(views::add, () -> {
                if (!errors.has("viewsReachedBy")) {
                    errors.add("viewsReachedBy", "review.participation.error.views");
                }
            });
        }
        return FormResult.of(errors, () -> new Participation(chosen.orElseThrow(), who.orElseThrow(), views));
    }

    /** Exactly a constant's name: lower case or padded values are not one. */
    private static <E extends Enum<E>> Optional<E> named(Class<E> type, String name) {
        return Arrays.stream(type.getEnumConstants()).filter(e -> e.name().equals(name)).findFirst();
    }
}
