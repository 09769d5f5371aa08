package org.myview.web.link;

import java.time.Instant;

/**
 * One kind of secret link (a child's consultation, a parent's feedback form): the feature supplies its own
 * table behind these lookups. See the package documentation.
 */
public interface LinkKind {

    /** Lower-case path segment and cookie suffix, for example {@code consultation}. */
    String name();

    /** Where a freshly opened link goes (an address under {@code /<name>}, without the token): the form's first page. */
    default String startPath() {
        return "/" + name();
    }

    /** Message key of the sentence saying who to ask for a new link: {@code <name>.link.ask} unless the kind words it elsewhere. */
    default String askKey() {
        return name() + ".link.ask";
    }

    /**
     * Message key of the problem page's sentence on where to get help now (Childline for a child, the social
     * worker for a parent). Each kind chooses its own: words meant for a child must not reach a parent. The
     * default names no one but the sender of the link.
     */
    default String helpKey() {
        return "link.problem.help";
    }

    /**
     * Where "I want to talk to someone now" lives for this kind, or null when it has none. A device that
     * opened the link but does not hold the form may still ask for help there: a child must never be
     * turned away from asking for help because the form is open on another phone.
     */
    default String talkNowPath() {
        return null;
    }

    /** Where the quick-exit button on the problem page goes: a neutral site. */
    default String exitUrl() {
        return "https://www.bbc.co.uk/weather";
    }

    /** The link whose token has this SHA-256 hash. */
    LinkStatus findByHash(byte[] tokenHash, Instant now);

    /** The link again, on every later request of its form session (it may have expired or been sent since). */
    LinkStatus findById(long linkId, Instant now);

    /** Where the form lives: {@code /<name>} and everything under it. */
    default boolean owns(String path) {
        return path.equals("/" + name()) || path.startsWith("/" + name() + "/");
    }
}
