package org.myview.participation;

/**
 * The trust's RAG ratings for impact (seed 004). BLUE (completed) is set by a person when an action is done;
 * it is never worked out from figures.
 */
public enum Rag {
    /** Not on target and outside tolerance, with no improvement on the previous return. */
    RED,
    /** Not on target and outside tolerance, but improved on the previous return. */
    YELLOW,
    /** Not on target but within tolerance. */
    AMBER,
    /** Meeting or exceeding the target. */
    GREEN,
    /** Completed. */
    BLUE,
    /** Impact not yet expected, or unable to report this time. */
    GREY
}
