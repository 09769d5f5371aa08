package org.myview.review;

/**
 * How many questions a version of the child's form has ("started: 3 of 12"). The versions are data that
 * consultation/ reads from the classpath, so it answers; review/ does not depend on it.
 */
public interface FormLengths {

    /** The number of questions of the form version with this id, or 0 when unknown. */
    int questions(String definitionId);
}
