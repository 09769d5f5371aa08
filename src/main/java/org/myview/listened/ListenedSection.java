package org.myview.listened;

import io.micronaut.core.annotation.Order;
import jakarta.inject.Singleton;
import org.myview.review.Review;
import org.myview.review.ReviewPageSection;
import org.myview.staff.StaffUser;

import java.util.Map;
import java.util.Optional;

/** The review page's "Were you listened to?" part: who may be asked, the links made and the answers sent. */
@Order(20)
@Singleton
record ListenedSection(ListenedService service) implements ReviewPageSection {

    @Override
    public Optional<Section> sectionFor(Review review, StaffUser user) {
        ListenedService.ReviewState state = service.state(review);
        return Optional.of(new Section("listened/section", Map.of("state", state, "reviewId", review.id(), "now", service.now())));
    }
}
