package org.myview.review;

/** How the child's views reached the review (more than one may apply). */
public enum ViewsReachedBy {
    SPOKE, ADVOCATE, CONSULTATION_FORM, OTHER_MEDIUM
}
