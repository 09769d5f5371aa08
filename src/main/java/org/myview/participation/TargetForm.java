package org.myview.participation;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import org.myview.web.EnumNames;
import org.myview.web.FormErrors;
import org.myview.web.TextForm;
import org.myview.web.FormResult;

import java.math.BigDecimal;
import java.util.Optional;

/**
 * "Set a target" for the year: a measure, which reviews, and percentages from 0 to 100,000 (a "%" may be typed):
 * the target is needed, the baseline may be left out, and no tolerance is 0.
 */
@Serdeable
record TargetForm(String measure, String reviewTypes, String baseline, String target,
                  String tolerance) implements TextForm {

    static final BigDecimal MAX = BigDecimal.valueOf(100_000);

    /** A target ready to save. */
    record Target(Measure measure, ReviewTypeFilter types, @Nullable BigDecimal baseline, BigDecimal target, BigDecimal tolerance) {
    }

    static TargetForm empty() {
        return new TargetForm("", "", "", "", "");
    }

    FormResult<Target> check() {
        FormErrors errors = new FormErrors();
        Optional<Measure> chosen = EnumNames.exact(Measure.class, measure);
        if (chosen.isEmpty()) {
            errors.add("measure", "participation.targets.error.measure");
        }
        Optional<ReviewTypeFilter> types = ReviewTypeFilter.parse(reviewTypes);
        if (types.isEmpty()) {
            errors.add("reviewTypes", "participation.targets.error.types");
        }
        BigDecimal from = number(baseline, "baseline", errors, false);
        BigDecimal aim = number(target, "target", errors, true);
        BigDecimal margin = number(tolerance, "tolerance", errors, false);
        return FormResult.of(errors, () -> new Target(chosen.orElseThrow(), types.orElseThrow(), from, aim,
                margin == null ? BigDecimal.ZERO : margin));
    }

    /** A number from 0 to 100,000, "%" allowed; null when left out (an error only when required) or wrong. */
    private static BigDecimal number(String value, String field, FormErrors errors, boolean required) {
        if (value.isEmpty()) {
            if (required) {
                errors.add(field, "participation.targets.error." + field);
            }
            return null;
        }
        try {
            BigDecimal number = new BigDecimal(value.replace("%", "").strip());
            if (number.signum() < 0 || number.compareTo(MAX) > 0) {
                errors.add(field, "participation.targets.error." + field);
                return null;
            }
            return number;
        } catch (NumberFormatException e) {
            errors.add(field, "participation.targets.error." + field);
            return null;
        }
    }
}
