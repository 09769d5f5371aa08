package org.myview.review;

/** Whether an advocate was involved in the child taking part. */
public enum Advocate {
    NONE, NYAS, OTHER
}
