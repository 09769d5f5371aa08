package org.myview.forum;

/** Where a "You said, we did" request stands. */
public enum ActionStatus {
    NOT_STARTED,
    IN_PROGRESS,
    DONE,
    NOT_POSSIBLE
}
