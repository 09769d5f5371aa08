package org.myview.web;

import java.util.Optional;

/** Enum constants by name, as a form posts them or a column stores them. */
public final class EnumNames {

    private EnumNames() {
    }

    /**
     * The constant named exactly {@code name}. Anything else, null, lower case or surrounding spaces included, is empty:
     * a stored value that does not match is a bug to see, and a posted one an answer to refuse, never to guess.
     */
    public static <E extends Enum<E>> Optional<E> exact(Class<E> type, String name) {
        if (name == null) {
            return Optional.empty();
        }
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equals(name)) {
                return Optional.of(constant);
            }
        }
        return Optional.empty();
    }
}
