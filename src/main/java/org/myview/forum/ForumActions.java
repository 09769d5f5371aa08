package org.myview.forum;

import jakarta.inject.Singleton;
import org.myview.staff.AuditAction;
import org.myview.staff.AuditEvent;
import org.myview.staff.AuditTrail;
import org.myview.staff.StaffUser;
import org.myview.system.Transactions;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** "You said, we did": what the forum asked for and what was done, typed in by the participation lead; audited. */
@Singleton
record ForumActions(ForumRepository repository, AuditTrail audit, Transactions transactions) {

    List<ForumRepository.Action> actions() {
        return transactions.read(() -> repository.actions());
    }

    Optional<ForumRepository.Action> action(long id) {
        return transactions.read(() -> repository.action(id));
    }

    long addAction(StaffUser lead, ActionForm.Entry form) {
        return transactions.write(() -> {
            long id = repository.insertAction(form.asked(), form.askedOn(), form.response(), form.status(), form.updatedOn(), lead.accountId());
            audit.record(AuditEvent.of(lead, AuditAction.FORUM_ACTION_RECORDED).subject("forum_action", id)
                    .detail(Map.of("change", "added", "status", form.status().name())));
            return id;
        });
    }

    boolean updateAction(StaffUser lead, long id, ActionForm.Entry form) {
        return transactions.write(() -> {
            if (!repository.updateAction(id, form.asked(), form.askedOn(), form.response(), form.status(), form.updatedOn(), lead.accountId())) {
                return false;
            }
            audit.record(AuditEvent.of(lead, AuditAction.FORUM_ACTION_RECORDED).subject("forum_action", id)
                    .detail(Map.of("change", "updated", "status", form.status().name())));
            return true;
        });
    }
}
