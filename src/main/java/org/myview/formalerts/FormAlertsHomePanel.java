package org.myview.formalerts;

import jakarta.inject.Singleton;
import org.myview.review.ReviewService;
import org.myview.staff.HomePanel;
import org.myview.staff.Role;
import org.myview.staff.StaffUser;

import java.util.Map;
import java.util.Optional;

/**
 * The reviewing officer's home page: their reviews in the next {@code myview.consultation.prompt-days} days with no
 * My Review My View link yet (each a link to the review, where the link is made), and how they hear about forms.
 */
@Singleton
record FormAlertsHomePanel(ReviewService reviews, FormAlertService alerts) implements HomePanel {

    @Override
    public Optional<Panel> panelFor(StaffUser user) {
        if (!user.has(Role.REVIEWING_OFFICER)) {
            return Optional.empty();
        }
        return Optional.of(new Panel("formalerts/home", Map.of("noLink", reviews.noLinkSoon(user), "days", reviews.promptDays(),
                "today", reviews.today(), "choice", alerts.choiceOf(user.accountId()))));
    }
}
