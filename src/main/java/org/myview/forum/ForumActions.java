package org.myview.forum;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.myview.staff.AuditAction;
import org.myview.staff.AuditEvent;
import org.myview.staff.AuditTrail;
import org.myview.staff.StaffUser;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** "You said, we did": what the forum asked for and what was done, typed in by the participation lead; audited. */
@Singleton
class ForumActions {

    private final ForumRepository repository;
    private final AuditTrail audit;

    ForumActions(ForumRepository repository, AuditTrail audit) {
        this.repository = repository;
        this.audit = audit;
    }

    @Transactional(readOnly = true)
    List<ForumRepository.Action> actions() {
        return repository.actions();
    }

    @Transactional(readOnly = true)
    Optional<ForumRepository.Action> action(long id) {
        return repository.action(id);
    }

    @Transactional
    long addAction(StaffUser lead, ActionForm.Entry form) {
        long id = repository.insertAction(form.asked(), form.askedOn(), form.response(), form.status(), form.updatedOn(), lead.accountId());
        audit.record(AuditEvent.of(lead, AuditAction.FORUM_ACTION_RECORDED).subject("forum_action", id)
                .detail(Map.of("change", "added", "status", form.status().name())));
        return id;
    }

    @Transactional
    boolean updateAction(StaffUser lead, long id, ActionForm.Entry form) {
        if (!repository.updateAction(id, form.asked(), form.askedOn(), form.response(), form.status(), form.updatedOn(), lead.accountId())) {
            return false;
        }
        audit.record(AuditEvent.of(lead, AuditAction.FORUM_ACTION_RECORDED).subject("forum_action", id)
                .detail(Map.of("change", "updated", "status", form.status().name())));
        return true;
    }
}
