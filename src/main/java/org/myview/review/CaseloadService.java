package org.myview.review;

import jakarta.inject.Singleton;
import org.myview.staff.AuditAction;
import org.myview.staff.AuditEvent;
import org.myview.staff.AuditTrail;
import org.myview.staff.Role;
import org.myview.staff.StaffAccount;
import org.myview.staff.StaffAccountService;
import org.myview.staff.StaffUser;
import org.myview.system.Transactions;
import org.myview.web.FormErrors;
import org.myview.web.FormResult;

import java.util.Map;
import java.util.Optional;

/**
 * The manager puts a child in an officer's caseload (a child moving to a new officer before that
 * officer holds a review for them). Officers' caseloads are otherwise the children they hold a review for.
 */
@Singleton
public record CaseloadService(CaseloadRepository caseloads, StaffAccountService staff, AuditTrail audit, Transactions transactions) {

    /**
     * Assigns the child to the officer when the form is right (the child known, the officer an active reviewing
     * officer); errors change nothing. Only the manager may (the controller says so).
     */
    public FormErrors assign(StaffUser manager, CaseloadForm form) {
        return transactions.write(() -> {
            // An ill-formed reference is not looked up: the form reports it as it is.
            Optional<Long> child = form.caseReference().matches(CaseloadForm.REFERENCE) ? caseloads.childByReference(form.caseReference())
                    : Optional.empty();
            Optional<Long> officer = form.officer().isEmpty() ? Optional.empty()
                    : staff.findByUsername(form.officer()).filter(a -> a.has(Role.REVIEWING_OFFICER) && !a.disabled()).map(StaffAccount::id);
            FormResult<CaseloadForm.Assignment> checked = form.check(child, officer);
            if (!checked.isValid()) {
                return checked.errors();
            }
            CaseloadForm.Assignment assignment = checked.value();
            caseloads.assign(assignment.childId(), assignment.officerId(), manager.accountId());
            audit.record(AuditEvent.of(manager, AuditAction.CHILD_ASSIGNED).child(assignment.childId())
                    .subject("staff_account", assignment.officerId()).detail(Map.of()));
            return checked.errors();
        });
    }
}
