package org.myview.consultation;

import org.myview.review.Review;
import org.myview.staff.Role;
import org.myview.staff.StaffUser;

/** Who may read a child's private answer: their own reviewing officer, and the manager only when configured. */
final class PrivateAnswerRule {

    private PrivateAnswerRule() {
    }

    static boolean mayRead(StaffUser user, Review review, PrivateAnswerSettings settings) {
        boolean ownOfficer = review.officerId() != null && review.officerId() == user.accountId();
        return ownOfficer || (settings.serviceManagerReads() && user.has(Role.SERVICE_MANAGER));
    }
}
