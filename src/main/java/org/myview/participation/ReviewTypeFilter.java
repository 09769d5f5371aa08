package org.myview.participation;

import org.myview.review.ReviewType;
import org.myview.web.EnumNames;

import java.util.List;
import java.util.Optional;

/** Which reviews a figure is about: one type, all child protection conferences, CP and CIN together, or every review. */
public enum ReviewTypeFilter {
    ALL(List.of(ReviewType.values())),
    CLA(List.of(ReviewType.CLA)),
    CP_INITIAL(List.of(ReviewType.CP_INITIAL)),
    CP_REVIEW(List.of(ReviewType.CP_REVIEW)),
    ALL_CP(List.of(ReviewType.CP_INITIAL, ReviewType.CP_REVIEW)),
    CIN(List.of(ReviewType.CIN)),
    /** Child protection conferences and child in need reviews together: the improvement plan's "CIN/CP" measures. */
    CP_AND_CIN(List.of(ReviewType.CP_INITIAL, ReviewType.CP_REVIEW, ReviewType.CIN));

    private final List<ReviewType> types;

    ReviewTypeFilter(List<ReviewType> types) {
        this.types = types;
    }

    public List<ReviewType> types() {
        return types;
    }

    public String[] names() {
        return types.stream().map(Enum::name).toArray(String[]::new);
    }

    public static Optional<ReviewTypeFilter> parse(String value) {
        return EnumNames.exact(ReviewTypeFilter.class, value);
    }
}
