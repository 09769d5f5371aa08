package org.myview.participation;

import jakarta.inject.Singleton;
import org.myview.staff.Role;
import org.myview.web.NavigationContributor;
import org.myview.web.NavigationItem;

import java.util.List;
import java.util.Set;

@Singleton
class ParticipationNavigation implements NavigationContributor {

    @Override
    public List<NavigationItem> navigationItems() {
        return List.of(new NavigationItem("/participation", "participation.nav", 20,
                Set.of(Role.SERVICE_MANAGER_NAME, Role.REVIEWING_OFFICER_NAME)));
    }
}
