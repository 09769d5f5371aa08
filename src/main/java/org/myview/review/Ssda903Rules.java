package org.myview.review;


import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * The checks the DfE applies to a row of the SSDA903 Reviews file (CHILD, DOB, REVIEW, REVIEW_CODE), plus our
 * own, made here so that a bad row is caught at import or entry rather than by the national validator months
 * later. Every check runs and all the problems of a row come back together, so a person fixes a row once.
 *
 * <p>Messages quote the row's dates, so they are for the person fixing the data, not for logs.
 */
public final class Ssda903Rules {

    /** DfE dates: dd/mm/yyyy, two-digit day and month, and no 31 February ('uuuu' because STRICT needs it). */
    public static final DateTimeFormatter DFE_DATE =
            DateTimeFormatter.ofPattern("dd/MM/uuuu", Locale.UK).withResolverStyle(ResolverStyle.STRICT);

    public static final String RULE_REVIEW_DATE = "166";
    public static final String RULE_REVIEW_CODE = "167";
    public static final String RULE_PN0_BUT_FOUR_OR_OVER = "440";
    public static final String RULE_NOT_PN0_BUT_UNDER_FOUR = "441";
    public static final String RULE_CHILD = "CHILD";
    public static final String RULE_DOB = "DOB";
    public static final String RULE_FUTURE = "FUTURE";

    public static final String COLUMN_CHILD = "CHILD";
    public static final String COLUMN_DOB = "DOB";
    public static final String COLUMN_REVIEW = "REVIEW";
    public static final String COLUMN_REVIEW_CODE = "REVIEW_CODE";

    /** SSDA903 child IDs: at most 20 characters. */
    public static final int CHILD_MAX_LENGTH = 20;

    private Ssda903Rules() {
    }

    /** One row of the Reviews file exactly as read: any value may be null, blank or nonsense. */
    public record Row(String child, String dob, String review, String reviewCode) {
    }

    /** Every problem with the row, in column order; empty when the row is fine. */
    public static List<RuleViolation> checkRow(Row row, LocalDate today) {
        Objects.requireNonNull(row, "row");
        Objects.requireNonNull(today, "today");
        List<RuleViolation> violations = new ArrayList<>();

        Ssda903ChildId.check(row.child(), violations);
        Optional<LocalDate> dob = checkDate(row.dob(), RULE_DOB, COLUMN_DOB, "the date of birth", "05/04/2015",
                violations);
        boolean reviewPresent = !isBlank(row.review());
        Optional<LocalDate> review = checkDate(row.review(), RULE_REVIEW_DATE, COLUMN_REVIEW, "the review date",
                "05/04/2025", violations);
        boolean codeRecorded = !isBlank(row.reviewCode());
        Optional<ParticipationMethod> code = Optional.empty();
        if (reviewPresent) {
            code = checkCode(row.reviewCode(), violations);
        } else if (codeRecorded) {
            // DfE 167 flags a code with no review as well as a review with no code.
            violations.add(new RuleViolation(RULE_REVIEW_CODE, COLUMN_REVIEW_CODE,
                    "There is a participation code but no review date. Enter the review date, or remove the "
                            + "code if there was no review."));
        }

        if (review.isPresent()) {
            checkAgainstReviewDate(dob.orElse(null), review.get(), codeRecorded, code.orElse(null), today, true,
                    violations);
        }
        return List.copyOf(sortedByColumn(violations));
    }

    /**
     * The same rules for a review recorded by hand, where the dates are already real dates: the code must be
     * chosen (167), the date of birth not after the review (DOB), the review not in the future (FUTURE), and
     * PN0 exactly when the child was under 4 (440, 441).
     *
     * @param code null when no code has been chosen yet
     */
    public static List<RuleViolation> checkParticipation(LocalDate dob, LocalDate reviewDate,
                                                         ParticipationMethod code, LocalDate today) {
        Objects.requireNonNull(dob, "dob");
        Objects.requireNonNull(reviewDate, "reviewDate");
        Objects.requireNonNull(today, "today");
        List<RuleViolation> violations = new ArrayList<>();
        if (code == null) {
            violations.add(missingCode());
        }
        checkAgainstReviewDate(dob, reviewDate, code != null, code, today, false, violations);
        return List.copyOf(sortedByColumn(violations));
    }

    /**
     * The rules that need a real review date: DOB, then FUTURE if any code was recorded (even an invalid one),
     * then 440/441 if the date of birth is usable and the code valid. Shared by import and entry so that both
     * say the same thing, except on the fourth birthday: a file (import, export) may carry either code, as the
     * DfE's checks allow, while the entry form offers only PN1-PN7 (the child is 4 that day) and keeps to it.
     */
    private static void checkAgainstReviewDate(LocalDate dob, LocalDate review, boolean codeRecorded,
                                               ParticipationMethod code, LocalDate today, boolean file,
                                               List<RuleViolation> violations) {
        boolean dobUsable = dob != null && checkDobNotAfterReview(dob, review, violations);
        if (codeRecorded) {
            checkNotInFuture(review, today, violations);
        }
        if (dobUsable && code != null && !(file && onFourthBirthday(dob, review))) {
            checkCodeForAge(dob, review, code, violations);
        }
    }

    /** A DfE date, or empty if the text is not exactly dd/mm/yyyy or not a real date. */
    public static Optional<LocalDate> parseDate(String text) {
        return Optional.ofNullable(date(text));
    }

    /** {@link #parseDate}, null for empty: the import's rows call it twice a row. */
    static LocalDate date(String text) {
        if (!hasDateShape(text)) {
            return null;
        }
        try {
            // The shape is checked: the digits give the date directly, as strictly as DFE_DATE would (LocalDate.of
            // refuses 31/04 and 29/02 outside leap years), without the formatter's cost on each of 100,000 rows.
            return LocalDate.of(digits(text, 6, 10), digits(text, 3, 5), digits(text, 0, 2));
        } catch (DateTimeException e) {
            return null;
        }
    }

    /** dd/mm/yyyy's shape (ASCII digits, as the regex's \d): checked by hand, a regex match cost more than the date. */
    private static boolean hasDateShape(String text) {
        if (text == null || text.length() != 10 || text.charAt(2) != '/' || text.charAt(5) != '/') {
            return false;
        }
        for (int i = 0; i < 10; i++) {
            char c = text.charAt(i);
            if (i != 2 && i != 5 && (c < '0' || c > '9')) {
                return false;
            }
        }
        return true;
    }

    /**
     * Whether a valid code fits the child's age on the review date as {@link #checkRow} judges a file's row (rules
     * 440 and 441, either code on the fourth birthday); the date of birth is not after the review.
     */
    static boolean codeFitsAge(LocalDate dob, LocalDate review, ParticipationMethod code) {
        int age = ChildAge.yearsOn(dob, review);
        if (age == ChildAge.PN0_AGE_LIMIT && onFourthBirthday(dob, review)) {
            return true;
        }
        return code.forUnderFour() == (age < ChildAge.PN0_AGE_LIMIT);
    }

    private static int digits(String text, int from, int to) {
        int value = 0;
        for (int i = from; i < to; i++) {
            value = value * 10 + (text.charAt(i) - '0');
        }
        return value;
    }

    private static Optional<LocalDate> checkDate(String text, String rule, String column, String what,
                                                 String example, List<RuleViolation> violations) {
        if (isBlank(text)) {
            violations.add(new RuleViolation(rule, column,
                    capitalise(what) + " is missing. Enter it as dd/mm/yyyy, for example " + example + "."));
            return Optional.empty();
        }
        Optional<LocalDate> date = parseDate(text);
        if (date.isPresent()) {
            return date;
        }
        String message;
        if (!text.equals(text.strip()) && parseDate(text.strip()).isPresent()) {
            message = capitalise(what) + " '" + text + "' has spaces around it. Enter " + text.strip()
                    + " with no spaces.";
        } else if (hasDateShape(text)) {
            message = capitalise(what) + " '" + text + "' is not a real date. Check the day and the month.";
        } else {
            message = capitalise(what) + " '" + text + "' is not written as dd/mm/yyyy. Write it like "
                    + example + ".";
        }
        violations.add(new RuleViolation(rule, column, message));
        return Optional.empty();
    }

    private static Optional<ParticipationMethod> checkCode(String text, List<RuleViolation> violations) {
        if (isBlank(text)) {
            violations.add(missingCode());
            return Optional.empty();
        }
        Optional<ParticipationMethod> code = ParticipationMethod.parse(text);
        if (code.isPresent()) {
            return code;
        }
        String stripped = text.strip();
        String cleaned = stripped.toUpperCase(Locale.ROOT);
        String message;
        if (ParticipationMethod.parse(cleaned).isEmpty()) {
            message = "The participation code '" + text + "' is not one of PN0 to PN7. Enter the code for how "
                    + "the child took part.";
        } else if (stripped.equals(text)) {
            message = "The participation code '" + text + "' is in lower case. Enter it in capital letters: "
                    + cleaned + ".";
        } else {
            message = "The participation code '" + text + "' has spaces around it. Enter " + cleaned
                    + " with no spaces.";
        }
        violations.add(new RuleViolation(RULE_REVIEW_CODE, COLUMN_REVIEW_CODE, message));
        return Optional.empty();
    }

    private static RuleViolation missingCode() {
        return new RuleViolation(RULE_REVIEW_CODE, COLUMN_REVIEW_CODE,
                "The participation code is missing. Enter how the child took part in the review: PN0 to PN7.");
    }

    /** @return whether the date of birth can be used to work out an age on the review date */
    private static boolean checkDobNotAfterReview(LocalDate dob, LocalDate review, List<RuleViolation> violations) {
        if (dob.isAfter(review)) {
            violations.add(new RuleViolation(RULE_DOB, COLUMN_DOB,
                    "The date of birth " + format(dob) + " is after the review date " + format(review)
                            + ". Check both dates."));
            return false;
        }
        return true;
    }

    private static void checkNotInFuture(LocalDate review, LocalDate today, List<RuleViolation> violations) {
        // A review later today has not happened yet either, but the date alone cannot tell; today is allowed.
        if (review.isAfter(today)) {
            violations.add(new RuleViolation(RULE_FUTURE, COLUMN_REVIEW,
                    "The review date " + format(review) + " is in the future, so how the child took part cannot "
                            + "be known yet. Record the participation code after the review, or correct the date."));
        }
    }

    /**
     * Whether the review was on the day the child turned 4 (for a child born on 29 February, 1 March when the year
     * has no 29 February, as {@link ChildAge} counts). On that day the DfE's checks accept PN0 and PN1-PN7 alike:
     * rule 441 (not PN0 but under 4) applies only before it and rule 440 (PN0 but 4 or over) only after it.
     */
    public static boolean onFourthBirthday(LocalDate dob, LocalDate review) {
        return review.isAfter(dob)
                && ChildAge.yearsOn(dob, review) == ChildAge.PN0_AGE_LIMIT
                && ChildAge.yearsOn(dob, review.minusDays(1)) == ChildAge.PN0_AGE_LIMIT - 1;
    }

    private static void checkCodeForAge(LocalDate dob, LocalDate review, ParticipationMethod code,
                                        List<RuleViolation> violations) {
        int age = ChildAge.yearsOn(dob, review);
        boolean underFour = age < ChildAge.PN0_AGE_LIMIT;
        String when = " on the review date " + format(review) + " (date of birth " + format(dob) + ")";
        if (code.forUnderFour() && !underFour) {
            violations.add(new RuleViolation(RULE_PN0_BUT_FOUR_OR_OVER, COLUMN_REVIEW_CODE,
                    "The code is PN0, which is only for a child under 4, but the child was " + age + when
                            + ". Choose how the child took part (PN1 to PN7), or correct the date of birth."));
        } else if (!code.forUnderFour() && underFour) {
            violations.add(new RuleViolation(RULE_NOT_PN0_BUT_UNDER_FOUR, COLUMN_REVIEW_CODE,
                    "The code is " + code.name() + ", but the child was " + age + when
                            + ", so the code must be PN0. Use PN0 for a child under 4, or correct the date of birth."));
        }
    }

    private static List<RuleViolation> sortedByColumn(List<RuleViolation> violations) {
        List<String> order = List.of(COLUMN_CHILD, COLUMN_DOB, COLUMN_REVIEW, COLUMN_REVIEW_CODE);
        List<RuleViolation> sorted = new ArrayList<>(violations);
        sorted.sort((a, b) -> Integer.compare(order.indexOf(a.column()), order.indexOf(b.column())));
        return sorted;
    }

    private static String format(LocalDate date) {
        return DFE_DATE.format(date);
    }

    private static boolean isBlank(String text) {
        return text == null || text.isBlank();
    }

    private static String capitalise(String text) {
        return Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
