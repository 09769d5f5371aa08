package org.myview.parent;

import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;
import org.myview.system.Transactions;
import org.myview.web.FormErrors;
import org.myview.web.JsonMaps;

import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The parent's side: opening a link, saving each answer as a draft, sending the answers once. */
@Singleton
public record ParentFormService(InvitationRepository repository, JsonMapper json, Clock clock, Transactions transactions) {

    /** Where a link stands: the form pages are open only while it is OPEN. */
    enum LinkState { OPEN, SENT, EXPIRED }

    LinkState state(Invitation invitation) {
        if (invitation.submittedAt() != null) {
            return LinkState.SENT;
        }
        return invitation.expiresAt().isBefore(clock.instant()) ? LinkState.EXPIRED : LinkState.OPEN;
    }

    public Optional<Invitation> invitation(long id) {
        return transactions.read(() -> repository.invitation(id).map(this::invitation));
    }

    private Invitation invitation(InvitationRepository.InvitationRow row) {
        return new Invitation(row.id(), row.roundId(), row.planId(), row.kind(), row.planType(), row.expiresAt(), row.submittedAt(),
                read(row.draft()), row.language() == null ? "en" : row.language());
    }

    /** Checks one question's answer; saves it to the draft when it is fine. Nothing chosen is fine: every question is optional. */
    public FormErrors answer(long invitationId, ParentQuestions.Question question, List<String> values, String text) {
        return transactions.write(() -> {
            FormErrors errors = check(question, values, text);
            if (!errors.isEmpty()) {
                return errors;
            }
            Invitation invitation = repository.lockInvitation(invitationId).map(this::invitation).orElseThrow();
            if (state(invitation) != LinkState.OPEN) {
                return errors;
            }
            Map<String, Object> draft = new HashMap<>(invitation.draft());
            question.kind().save(draft, question.name(), values, text);
            repository.saveDraft(invitationId, write(draft));
            return errors;
        });
    }

    static FormErrors check(ParentQuestions.Question question, List<String> values, String text) {
        return question.kind().check(question.name(), values, text);
    }

    /** Sends the answers. A second send (a double click, the back button) changes nothing. */
    public boolean submit(long invitationId) {
        return transactions.write(() -> {
            InvitationRepository.InvitationRow row = repository.lockInvitation(invitationId).orElseThrow();
            Invitation invitation = invitation(row);
            if (state(invitation) != LinkState.OPEN) {
                return invitation.submittedAt() != null;
            }
            repository.submit(row, ParentAnswers.from(invitation.draft()), clock.instant());
            return true;
        });
    }

    private String write(Map<String, Object> draft) {
        return JsonMaps.text(json, draft);
    }

    private Map<String, Object> read(String draft) {
        return JsonMaps.map(json, draft);
    }
}
