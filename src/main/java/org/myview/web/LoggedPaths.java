package org.myview.web;

import java.util.regex.Pattern;

/**
 * A request path fit for a log line: the secret of any link path ({@code /<kind>/link/<token>}) replaced by
 * {@code ***}. Here rather than in {@code web.link} so that the error pages, which log paths, need nothing from
 * the link machinery (no import circle between the two packages).
 */
public final class LoggedPaths {

    private static final Pattern LINK_PATH = Pattern.compile("/link/[^/?#]*");

    private LoggedPaths() {
    }

    public static String redact(String path) {
        return path == null ? null : LINK_PATH.matcher(path).replaceAll("/link/***");
    }
}
