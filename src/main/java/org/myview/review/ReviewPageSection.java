package org.myview.review;

import org.myview.staff.StaffUser;

import java.util.Map;
import java.util.Optional;

/**
 * A part of the review page that another feature owns (the child's consultation answers, for
 * example), so the review feature does not depend on it. The template must define a fragment
 * named {@code section}. Each section says its place with {@code @Order} (the child's own words first,
 * then what others did), so the page does not depend on the order beans happen to be found in.
 */
public interface ReviewPageSection {

    /** What a section shows: its template and model. */
    record Section(String template, Map<String, Object> model) {
    }

    Optional<Section> sectionFor(Review review, StaffUser user);

    /** Something to show at the top of the officer's review list (a child who asked to talk now, for example). */
    default Optional<Section> listSectionFor(StaffUser user) {
        return Optional.empty();
    }

    /** A hint (message key) for the participation form, for example PN6 when the child sent their form. */
    default Optional<String> participationHintKey(Review review) {
        return Optional.empty();
    }
}
