package org.myview.staff;

import jakarta.inject.Singleton;
import org.myview.web.NavigationContributor;
import org.myview.web.NavigationItem;

import java.util.List;
import java.util.Set;

@Singleton
class StaffNavigation implements NavigationContributor {

    @Override
    public List<NavigationItem> navigationItems() {
        return List.of(
                new NavigationItem("/admin/accounts", "staff.nav.accounts", 80, Set.of(Role.ADMIN_NAME)),
                new NavigationItem("/admin/audit", "staff.nav.audit", 90, Set.of(Role.ADMIN_NAME)));
    }
}
