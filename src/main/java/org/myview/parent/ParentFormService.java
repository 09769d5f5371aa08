package org.myview.parent;

import io.micronaut.transaction.annotation.Transactional;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;
import org.myview.web.FormErrors;
import org.myview.web.JsonMaps;

import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The parent's side: opening a link, saving each answer as a draft, sending the answers once. */
@Singleton
public class ParentFormService {

    /** Where a link stands: the form pages are open only while it is OPEN. */
    enum LinkState { OPEN, SENT, EXPIRED }

    private final InvitationRepository repository;
    private final JsonMapper json;
    private final Clock clock;

    ParentFormService(InvitationRepository repository, JsonMapper json, Clock clock) {
        this.repository = repository;
        this.json = json;
        this.clock = clock;
    }

    LinkState state(Invitation invitation) {
        if (invitation.submittedAt() != null) {
            return LinkState.SENT;
        }
        return invitation.expiresAt().isBefore(clock.instant()) ? LinkState.EXPIRED : LinkState.OPEN;
    }

    @Transactional(readOnly = true)
    public Optional<Invitation> invitation(long id) {
        return repository.invitation(id).map(this::invitation);
    }

    private Invitation invitation(InvitationRepository.InvitationRow row) {
        return new Invitation(row.id(), row.roundId(), row.planId(), row.kind(), row.planType(), row.expiresAt(), row.submittedAt(),
                read(row.draft()), row.language() == null ? "en" : row.language());
    }

    /** Checks one question's answer; saves it to the draft when it is fine. Nothing chosen is fine: every question is optional. */
    @Transactional
    public FormErrors answer(long invitationId, ParentQuestions.Question question, List<String> values, String text) {
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
    }

    static FormErrors check(ParentQuestions.Question question, List<String> values, String text) {
        return question.kind().check(question.name(), values, text);
    }

    /** Sends the answers. A second send (a double click, the back button) changes nothing. */
    @Transactional
    public boolean submit(long invitationId) {
        InvitationRepository.InvitationRow row = repository.lockInvitation(invitationId).orElseThrow();
        Invitation invitation = invitation(row);
        if (state(invitation) != LinkState.OPEN) {
            return invitation.submittedAt() != null;
        }
        repository.submit(row, ParentAnswers.from(invitation.draft()), clock.instant());
        return true;
    }

    private String write(Map<String, Object> draft) {
        return JsonMaps.text(json, draft);
    }

    private Map<String, Object> read(String draft) {
        return JsonMaps.map(json, draft);
    }
}
