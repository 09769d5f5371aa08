package org.myview.parent;

import java.util.List;
import java.util.Map;

/** A parent's sent answers. Every one may be null: every question is optional. */
record ParentAnswers(String understandWhy, String knowWhatChange, List<String> barriers, String barriersOther, Integer supportRating,
                     String understoodConcerns, String madeDifference, String anythingElse) {

    @SuppressWarnings("unchecked")
    static ParentAnswers from(Map<String, Object> draft) {
        Object barriers = draft.get("barriers");
        Object rating = draft.get("supportRating");
        return new ParentAnswers(text(draft, "understandWhy"), text(draft, "knowWhatChange"),
                barriers instanceof List<?> list ? (List<String>) list : List.of(), text(draft, "barriersOther"),
                rating == null ? null : Integer.valueOf(rating.toString()), text(draft, "understoodConcerns"),
                text(draft, "madeDifference"), text(draft, "anythingElse"));
    }

    private static String text(Map<String, Object> draft, String key) {
        Object v = draft.get(key);
        return v == null || v.toString().isEmpty() ? null : v.toString();
    }
}
