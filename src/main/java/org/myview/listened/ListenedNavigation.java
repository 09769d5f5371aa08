package org.myview.listened;

import jakarta.inject.Singleton;
import org.myview.staff.Role;
import org.myview.web.NavigationContributor;
import org.myview.web.NavigationItem;

import java.util.List;
import java.util.Set;

@Singleton
class ListenedNavigation implements NavigationContributor {

    @Override
    public List<NavigationItem> navigationItems() {
        return List.of(new NavigationItem("/listened/results", "listened.nav", 35, Set.of(Role.SERVICE_MANAGER_NAME)));
    }
}
