package org.myview.consultation;

import jakarta.inject.Singleton;
import org.myview.staff.Role;
import org.myview.web.NavigationContributor;
import org.myview.web.NavigationItem;

import java.util.List;
import java.util.Set;

@Singleton
class ConcernNavigation implements NavigationContributor {

    @Override
    public List<NavigationItem> navigationItems() {
        return List.of(new NavigationItem("/concerns", "consultation.nav.concerns", 15, Set.of(Role.DUTY_NAME, Role.SERVICE_MANAGER_NAME)));
    }
}
