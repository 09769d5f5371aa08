package org.myview.forum;

import jakarta.inject.Singleton;
import org.myview.staff.Role;
import org.myview.web.NavigationContributor;
import org.myview.web.NavigationItem;

import java.util.List;
import java.util.Set;

@Singleton
class ForumNavigation implements NavigationContributor {

    @Override
    public List<NavigationItem> navigationItems() {
        return List.of(new NavigationItem("/forum", "forum.nav", 50, Set.of(Role.FORUM_NAME, Role.PARTICIPATION_LEAD_NAME)),
                new NavigationItem("/forum/moderation", "forum.nav.moderation", 51, Set.of(Role.PARTICIPATION_LEAD_NAME)));
    }
}
