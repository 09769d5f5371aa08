package org.myview.web;

import java.util.Set;

/** A link in the header for signed-in staff, shown to the roles named. */
public record NavigationItem(String href, String labelKey, int order, Set<String> roles) {
}
