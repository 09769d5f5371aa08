package org.myview.advocacy;

import jakarta.inject.Singleton;
import org.myview.staff.Role;
import org.myview.web.NavigationContributor;
import org.myview.web.NavigationItem;

import java.util.List;
import java.util.Set;

@Singleton
class AdvocacyNavigation implements NavigationContributor {

    @Override
    public List<NavigationItem> navigationItems() {
        return List.of(new NavigationItem("/advocacy", "advocacy.nav", 25,
                Set.of(Role.REVIEWING_OFFICER_NAME, Role.SERVICE_MANAGER_NAME, Role.PARTICIPATION_LEAD_NAME)));
    }
}
