package org.myview.review;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** The CHILD column's rule: present, at most 20 characters, letters, numbers, '/', '_' and '-' only. */
final class Ssda903ChildId {

    private Ssda903ChildId() {
    }

    static void check(String child, List<RuleViolation> violations) {
        if (child == null || child.isBlank()) {
            violations.add(new RuleViolation(Ssda903Rules.RULE_CHILD, Ssda903Rules.COLUMN_CHILD,
                    "The child ID is missing. Enter the child's ID from their case record."));
            return;
        }
        if (child.length() > Ssda903Rules.CHILD_MAX_LENGTH) {
            violations.add(new RuleViolation(Ssda903Rules.RULE_CHILD, Ssda903Rules.COLUMN_CHILD,
                    "The child ID is " + child.length() + " characters long. Check it: an ID can be at most "
                            + Ssda903Rules.CHILD_MAX_LENGTH + " characters."));
        }
        if (!child.codePoints().allMatch(Ssda903ChildId::isAllowedInChildId)) {
            // Name the bad characters rather than echo the value: a name typed here must not travel further.
            violations.add(new RuleViolation(Ssda903Rules.RULE_CHILD, Ssda903Rules.COLUMN_CHILD,
                    "The child ID contains characters that are not allowed (" + describeDisallowed(child)
                            + "). Use only letters, numbers, '/', '_' and '-'."));
        }
    }

    /** Whether {@link #check} finds nothing wrong, without building its messages (a loop: no stream a row). */
    static boolean isValid(String child) {
        if (child == null || child.isEmpty() || child.length() > Ssda903Rules.CHILD_MAX_LENGTH) {
            return false;
        }
        for (int i = 0; i < child.length(); i++) {
            if (!isAllowedInChildId(child.charAt(i))) {
                return false; // a surrogate is not allowed either, so chars judge as code points do
            }
        }
        return true;
    }

    private static String describeDisallowed(String child) {
        Set<String> names = new TreeSet<>();
        child.codePoints()
                .filter(c -> !isAllowedInChildId(c))
                .forEach(c -> names.add(describeCharacter(c)));
        return String.join(", ", names);
    }

    private static boolean isAllowedInChildId(int c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
                || c == '/' || c == '_' || c == '-';
    }

    private static String describeCharacter(int c) {
        if (c == ' ') {
            return "space";
        }
        if (Character.isWhitespace(c) || Character.isISOControl(c)) {
            return "an invisible character";
        }
        return "'" + Character.toString(c) + "'";
    }
}
