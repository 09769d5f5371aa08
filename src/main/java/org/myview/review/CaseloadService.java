package org.myview.review;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.myview.staff.AuditAction;
import org.myview.staff.AuditEvent;
import org.myview.staff.AuditTrail;
import org.myview.staff.Role;
import org.myview.staff.StaffAccount;
import org.myview.staff.StaffAccountService;
import org.myview.staff.StaffUser;
import org.myview.web.FormErrors;

import java.util.Map;
import java.util.Optional;

/**
 * The manager puts a child in an officer's caseload (a child moving to a new officer before that
 * officer holds a review for them). Officers' caseloads are otherwise the children they hold a review for.
 */
@Singleton
public class CaseloadService {

    private final CaseloadRepository caseloads;
    private final StaffAccountService staff;
    private final AuditTrail audit;

    CaseloadService(CaseloadRepository caseloads, StaffAccountService staff, AuditTrail audit) {
        this.caseloads = caseloads;
        this.staff = staff;
        this.audit = audit;
    }

    /** Assigns the child to the officer; errors change nothing. Only the manager may (the controller says so). */
    @Transactional
    public FormErrors assign(StaffUser manager, String caseReference, String officerUsername) {
        FormErrors errors = new FormErrors();
        String reference = caseReference == null ? "" : caseReference.trim();
        Optional<Long> child = Optional.empty();
        if (reference.isEmpty()) {
            errors.add("caseReference", "review.new.error.referenceMissing");
        } else if (!reference.matches("[A-Za-z0-9/_-]{1,20}")) {
            errors.add("caseReference", "review.new.error.referenceFormat");
        } else {
            child = caseloads.childByReference(reference);
            if (child.isEmpty()) {
                errors.add("caseReference", "review.caseload.error.unknown");
            }
        }
        Optional<StaffAccount> officer = officerUsername == null || officerUsername.isBlank() ? Optional.empty()
                : staff.findByUsername(officerUsername).filter(a -> a.has(Role.REVIEWING_OFFICER) && !a.disabled());
        if (officer.isEmpty()) {
            errors.add("officer", "review.new.error.officer");
        }
        if (!errors.isEmpty()) {
            return errors;
        }
        caseloads.assign(child.get(), officer.get().id(), manager.accountId());
        audit.record(AuditEvent.of(manager, AuditAction.CHILD_ASSIGNED).child(child.get())
                .subject("staff_account", officer.get().id()).detail(Map.of()));
        return errors;
    }
}
