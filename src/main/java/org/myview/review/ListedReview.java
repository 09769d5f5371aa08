package org.myview.review;

/** A row of an officer's review list: the review and where the child's My Review My View stands. */
public record ListedReview(Review review, FormStatus form) {
}
