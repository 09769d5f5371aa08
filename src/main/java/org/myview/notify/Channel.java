package org.myview.notify;

/** How a message reaches a person. */
public enum Channel {
    EMAIL,
    SMS
}
