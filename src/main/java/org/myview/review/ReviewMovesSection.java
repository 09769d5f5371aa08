package org.myview.review;

import io.micronaut.core.annotation.Order;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.myview.staff.StaffUser;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** On the review page, when a case-system extract moved the review: from which date (and type) to which, and when. */
@Order(50)
@Singleton
class ReviewMovesSection implements ReviewPageSection {

    private final ReviewMoveRepository moves;

    ReviewMovesSection(ReviewMoveRepository moves) {
        this.moves = moves;
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<Section> sectionFor(Review review, StaffUser user) {
        List<ReviewMoveRepository.Move> found = moves.moves(review.id());
        return found.isEmpty() ? Optional.empty() : Optional.of(new Section("review/moves", Map.of("moves", found)));
    }
}
