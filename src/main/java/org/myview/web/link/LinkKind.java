package org.myview.web.link;

import java.time.Instant;

/**
 * One kind of secret link (a child's consultation, a parent's feedback form): the feature supplies its own
 * table behind these lookups. See the package documentation.
 */
public interface LinkKind {

    /** Lower-case path segment and cookie suffix, for example {@code consultation}. */
    String name();

    /** Where a freshly opened link goes (an address under {@code /<name>}, without the token). */
    String startPath();

    /** Message key of the sentence saying who to ask for a new link. */
    String askKey();

    /** The link whose token has this SHA-256 hash. */
    LinkStatus findByHash(byte[] tokenHash, Instant now);

    /** The link again, on every later request of its form session (it may have expired or been sent since). */
    LinkStatus findById(long linkId, Instant now);

    /** Where the form lives: {@code /<name>} and everything under it. */
    default boolean owns(String path) {
        return path.equals("/" + name()) || path.startsWith("/" + name() + "/");
    }
}
