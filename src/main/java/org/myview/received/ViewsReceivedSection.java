package org.myview.received;

import io.micronaut.core.annotation.Order;
import jakarta.inject.Singleton;
import org.myview.review.Review;
import org.myview.review.ReviewPageSection;
import org.myview.staff.StaffUser;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** The review page's "Views received another way": what is recorded, with a link to record or change it and a remove button. */
@Order(30)
@Singleton
record ViewsReceivedSection(ViewsReceivedService service) implements ReviewPageSection {

    @Override
    public Optional<Section> sectionFor(Review review, StaffUser user) {
        Map<String, Object> model = new HashMap<>();
        model.put("reviewId", review.id());
        model.put("reviewDate", review.date());
        model.put("received", service.forReview(user, review).orElse(null));
        return Optional.of(new Section("received/section", model));
    }

    /** On the participation form: the child's views came another way, so PN6 (or PN5) may fit if they did not come. */
    @Override
    public Optional<String> participationHintKey(Review review) {
        return service.received(review.id()) ? Optional.of("received.pn6Hint") : Optional.empty();
    }
}
