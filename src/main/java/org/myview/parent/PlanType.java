package org.myview.parent;

import java.util.Optional;

/** Child protection plan or child in need plan. */
public enum PlanType {
    CP,
    CIN;

    static Optional<PlanType> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String t = text.trim().toUpperCase();
        for (PlanType type : values()) {
            if (type.name().equals(t)) {
                return Optional.of(type);
            }
        }
        return Optional.empty();
    }
}
