package org.myview.web;

import java.util.List;

/** Each feature names the header links it owns; the layout shows those the user's roles allow. */
public interface NavigationContributor {

    List<NavigationItem> navigationItems();
}
