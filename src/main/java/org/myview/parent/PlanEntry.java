package org.myview.parent;

import org.myview.web.FormErrors;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One plan with one parent, as typed on the page or read from a CSV row (raw text), and the rules
 * that check it. Errors are message keys against field names; the CSV import turns them into row errors.
 */
public record PlanEntry(String planReference, String planType, String startDate, String endDate, String childReferences,
                        String parentName, String email, String mobile, String language) {

    /** The checked values. */
    public record Checked(String planReference, PlanType type, LocalDate start, LocalDate end, List<String> children,
                          String parentName, String email, String mobile, String language) {
    }

    public static final List<String> FIELDS = List.of("planReference", "planType", "startDate", "endDate", "childReferences",
            "parentName", "email", "mobile", "language");

    private static final Pattern REFERENCE = Pattern.compile("[A-Za-z0-9/_-]{1,30}");
    private static final Pattern LANGUAGE = Pattern.compile("[a-z]{2,3}");
    private static final DateTimeFormatter UK = DateTimeFormatter.ofPattern("d/M/uuuu", Locale.UK).withResolverStyle(ResolverStyle.STRICT);

    public Optional<Checked> check(FormErrors errors, LocalDate today) {
        String reference = trim(planReference);
        if (reference == null) {
            errors.add("planReference", "parent.plan.error.referenceMissing");
        } else if (!REFERENCE.matcher(reference).matches()) {
            errors.add("planReference", "parent.plan.error.referenceFormat");
        }
        Optional<PlanType> type = PlanType.parse(planType);
        if (type.isEmpty()) {
            errors.add("planType", "parent.plan.error.type");
        }
        Optional<LocalDate> start = date(startDate);
        if (start.isEmpty()) {
            errors.add("startDate", trim(startDate) == null ? "parent.plan.error.startMissing" : "parent.plan.error.dateFormat");
        } else if (start.get().isAfter(today)) {
            errors.add("startDate", "parent.plan.error.startFuture");
        }
        Optional<LocalDate> end = Optional.empty();
        if (trim(endDate) != null) {
            end = date(endDate);
            if (end.isEmpty()) {
                errors.add("endDate", "parent.plan.error.dateFormat");
            } else if (start.isPresent() && end.get().isBefore(start.get())) {
                errors.add("endDate", "parent.plan.error.endBeforeStart");
            }
        }
        List<String> children = new ArrayList<>(new LinkedHashSet<>(split(childReferences)));
        if (children.isEmpty()) {
            errors.add("childReferences", "parent.plan.error.childrenMissing");
        } else if (children.stream().anyMatch(c -> !REFERENCE.matcher(c).matches())) {
            errors.add("childReferences", "parent.plan.error.childFormat");
        }
        String name = trim(parentName);
        if (name == null) {
            errors.add("parentName", "parent.plan.error.nameMissing");
        } else if (name.length() > 60) {
            errors.add("parentName", "parent.plan.error.nameLong");
        }
        String mail = trim(email);
        String phone = org.myview.notify.ContactAddresses.ukMobile(mobile);
        if (mail != null && !org.myview.notify.ContactAddresses.isEmail(mail)) {
            errors.add("email", "parent.plan.error.email");
        }
        if (trim(mobile) != null && phone == null) {
            errors.add("mobile", "parent.plan.error.mobile");
        }
        if (mail == null && trim(mobile) == null) {
            errors.add("email", "parent.plan.error.contactMissing");
        }
        String lang = trim(language) == null ? "en" : trim(language).toLowerCase(Locale.ROOT);
        if (!LANGUAGE.matcher(lang).matches()) {
            errors.add("language", "parent.plan.error.language");
        }
        if (!errors.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Checked(reference.toUpperCase(Locale.ROOT), type.get(), start.get(), end.orElse(null),
                children.stream().map(c -> c.toUpperCase(Locale.ROOT)).toList(), name, mail, phone, lang));
    }

    /** 2025-11-30 or 30/11/2025. */
    static Optional<LocalDate> date(String text) {
        String t = trim(text);
        if (t == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(t.contains("/") ? LocalDate.parse(t, UK) : LocalDate.parse(t));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    private static List<String> split(String text) {
        List<String> parts = new ArrayList<>();
        if (text != null) {
            for (String part : text.split("[;,\\s]+")) {
                if (!part.isBlank()) {
                    parts.add(part.trim());
                }
            }
        }
        return parts;
    }

    private static String trim(String text) {
        return text == null || text.isBlank() ? null : text.trim();
    }
}
