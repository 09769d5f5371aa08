package org.myview.parent;

import io.micronaut.transaction.annotation.Transactional;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;
import org.myview.web.FormErrors;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.ArrayList;
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
        switch (question.type()) {
            case ONE_OF -> put(draft, question.name(), values.isEmpty() ? null : values.get(0));
            case SOME_OF_WITH_TEXT -> {
                draft.put(question.name(), new ArrayList<>(values));
                put(draft, question.textName(), blankToNull(text));
            }
            case TEXT -> put(draft, question.name(), blankToNull(text));
        }
        repository.saveDraft(invitationId, write(draft));
        return errors;
    }

    static FormErrors check(ParentQuestions.Question question, List<String> values, String text) {
        FormErrors errors = new FormErrors();
        if (question.type() == ParentQuestions.Type.ONE_OF && (values.size() > 1 || !question.options().containsAll(values))) {
            errors.add(question.name(), "parent.form.error.choice");
        }
        if (question.type() == ParentQuestions.Type.SOME_OF_WITH_TEXT && !question.options().containsAll(values)) {
            errors.add(question.name(), "parent.form.error.choice");
        }
        String textField = question.type() == ParentQuestions.Type.TEXT ? question.name() : question.textName();
        if (textField != null && text != null && text.strip().codePointCount(0, text.strip().length()) > ParentQuestions.MAX_TEXT) {
            errors.add(textField, "parent.form.error.tooLong", String.format("%,d", ParentQuestions.MAX_TEXT),
                    String.format("%,d", text.strip().codePointCount(0, text.strip().length())));
        }
        return errors;
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

    private static void put(Map<String, Object> draft, String key, Object value) {
        if (value == null) {
            draft.remove(key);
        } else {
            draft.put(key, value);
        }
    }

    private static String blankToNull(String text) {
        String clean = org.myview.web.FreeText.clean(text);
        return clean == null || clean.isBlank() ? null : clean.strip();
    }

    private String write(Map<String, Object> draft) {
        try {
            return json.writeValueAsString(draft);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> read(String draft) {
        try {
            return json.readValue(draft, Map.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
