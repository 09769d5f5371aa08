package org.myview.advocacy;

import io.micronaut.core.annotation.Order;
import jakarta.inject.Singleton;
import org.myview.review.Review;
import org.myview.review.ReviewPageSection;
import org.myview.staff.StaffUser;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The review page's advocacy part (the child's requests and where they stand), and a line on the review list while some wait. */
@Order(40)
@Singleton
record AdvocacySection(AdvocacyService service) implements ReviewPageSection {

    @Override
    public Optional<Section> sectionFor(Review review, StaffUser user) {
        List<AdvocacyRepository.Row> referrals = service.forReview(user, review);
        return referrals.isEmpty() ? Optional.empty() : Optional.of(new Section("advocacy/section", Map.of("referrals", referrals)));
    }

    @Override
    public Optional<Section> listSectionFor(StaffUser user) {
        long waiting = service.waiting(user);
        return waiting == 0 ? Optional.empty() : Optional.of(new Section("advocacy/waiting", Map.of("waiting", waiting)));
    }
}
