package org.myview.advocacy;

import io.micronaut.serde.annotation.Serdeable;
import org.myview.web.DateFields;
import org.myview.web.FormErrors;
import org.myview.web.TextForm;
import org.myview.web.FormResult;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * "Record progress" on a referral: what happened (referred, accepted, declined, closed), on which date, and for
 * a referral the service (NYAS, or another one by name). The date cannot be in the future or before the child
 * asked; an outcome needs a referral first and cannot be before it; a referral with an outcome is not
 * referred again; a closed referral changes no more.
 */
@Serdeable
record ReferralProgressForm(String step, String service, String otherService,
                            String onDay, String onMonth, String onYear) implements TextForm {

    static final List<String> STEPS = List.of("REFERRED", "ACCEPTED", "DECLINED", "CLOSED");
    static final List<String> SERVICES = List.of("NYAS", "OTHER");
    static final int MAX_SERVICE = 100;

    /** A step ready to record. */
    record Step(String step, String service, String otherService, LocalDate on) {
    }

    /** An empty form with today's date. */
    static ReferralProgressForm start(LocalDate today) {
        return new ReferralProgressForm("", "", "", String.valueOf(today.getDayOfMonth()),
                String.valueOf(today.getMonthValue()), String.valueOf(today.getYear()));
    }

    FormResult<Step> check(AdvocacyRepository.Row referral, LocalDate requestedOn, LocalDate today) {
        FormErrors errors = new FormErrors();
        if (referral.closedOn() != null) {
            return FormResult.invalid(errors.add("step", "advocacy.error.closed"));
        }
        if (!STEPS.contains(step)) {
            errors.add("step", "advocacy.error.step");
        } else if (step.equals("REFERRED")) {
            if (referral.outcome() != null) {
                errors.add("step", "advocacy.error.hasOutcome");
            } else if (!SERVICES.contains(service)) {
                errors.add("service", "advocacy.error.service");
            } else if (service.equals("OTHER") && otherService.isEmpty()) {
                errors.add("otherService", "advocacy.error.otherMissing");
            } else if (service.equals("OTHER") && otherService.length() > MAX_SERVICE) {
                errors.add("otherService", "advocacy.error.otherTooLong", MAX_SERVICE);
            }
        } else if ((step.equals("ACCEPTED") || step.equals("DECLINED")) && referral.referredOn() == null) {
            errors.add("step", "advocacy.error.notReferred");
        }
        LocalDate on = date(errors);
        if (on != null && (on.isAfter(today) || on.isBefore(requestedOn))) {
            errors.add("on-day", "advocacy.error.dateRange");
        } else if (on != null && (step.equals("ACCEPTED") || step.equals("DECLINED")) && referral.referredOn() != null
                && on.isBefore(referral.referredOn())) {
            errors.add("on-day", "advocacy.error.beforeReferral");
        }
        boolean other = "REFERRED".equals(step) && "OTHER".equals(service);
        return FormResult.of(errors, () -> new Step(step, "REFERRED".equals(step) ? service : null, other ? otherService : null, on));
    }

    private LocalDate date(FormErrors errors) {
        Optional<LocalDate> on = DateFields.date(onDay, onMonth, onYear);
        if (on.isEmpty()) {
            errors.add("on-day", "advocacy.error.date");
        }
        return on.orElse(null);
    }
}
