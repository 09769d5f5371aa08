package org.myview.review;

import jakarta.inject.Singleton;
import org.myview.staff.Role;
import org.myview.web.NavigationContributor;
import org.myview.web.NavigationItem;

import java.util.List;
import java.util.Set;

@Singleton
class ReviewNavigation implements NavigationContributor {

    @Override
    public List<NavigationItem> navigationItems() {
        return List.of(
                new NavigationItem("/reviews", "review.nav.reviews", 10, Set.of(Role.REVIEWING_OFFICER_NAME, Role.SERVICE_MANAGER_NAME)),
                new NavigationItem("/reviews/import", "review.nav.import", 40, Set.of(Role.SERVICE_MANAGER_NAME)));
    }
}
