package org.myview.notify;

import jakarta.inject.Singleton;
import org.myview.staff.Role;
import org.myview.web.NavigationContributor;
import org.myview.web.NavigationItem;

import java.util.List;
import java.util.Set;

@Singleton
class NotifyNavigation implements NavigationContributor {

    @Override
    public List<NavigationItem> navigationItems() {
        return List.of(new NavigationItem("/notify/outbox", "notify.nav.outbox", 80, Set.of(Role.PARTICIPATION_LEAD_NAME, Role.ADMIN_NAME)));
    }
}
