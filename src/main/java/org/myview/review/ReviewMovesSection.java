package org.myview.review;

import io.micronaut.core.annotation.Order;
import jakarta.inject.Singleton;
import org.myview.staff.StaffUser;
import org.myview.system.Transactions;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** On the review page, when a case-system extract moved the review: from which date (and type) to which, and when. */
@Order(50)
@Singleton
record ReviewMovesSection(ReviewMoveRepository moves, Transactions transactions) implements ReviewPageSection {

    @Override
    public Optional<Section> sectionFor(Review review, StaffUser user) {
        return transactions.read(() -> {
            List<ReviewMoveRepository.Move> found = moves.moves(review.id());
            return found.isEmpty() ? Optional.empty() : Optional.of(new Section("review/moves", Map.of("moves", found)));
        });
    }
}
