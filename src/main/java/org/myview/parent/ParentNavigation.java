package org.myview.parent;

import jakarta.inject.Singleton;
import org.myview.staff.Role;
import org.myview.web.NavigationContributor;
import org.myview.web.NavigationItem;

import java.util.List;
import java.util.Set;

@Singleton
class ParentNavigation implements NavigationContributor {

    @Override
    public List<NavigationItem> navigationItems() {
        return List.of(
                new NavigationItem("/parent/rounds", "parent.nav.rounds", 60, Set.of(Role.PARTICIPATION_LEAD_NAME)),
                new NavigationItem("/parent/results", "parent.nav.results", 61, Set.of(Role.PARTICIPATION_LEAD_NAME, Role.SERVICE_MANAGER_NAME)));
    }
}
