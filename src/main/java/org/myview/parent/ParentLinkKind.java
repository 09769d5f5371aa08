package org.myview.parent;

import jakarta.inject.Singleton;
import org.myview.web.link.LinkKind;
import org.myview.web.link.LinkStatus;

import java.time.Instant;
import java.util.Optional;

/**
 * The parent's feedback links, through the shared link machinery (web/link): {@code /parent/link/{token}}
 * is swapped for a signed form-session cookie and a redirect to the start page. A link works again
 * and again until its answers are sent, and not after it expires.
 */
@Singleton
record ParentLinkKind(InvitationRepository repository, ParentSettings settings) implements LinkKind {

    @Override
    public String name() {
        return "parent";
    }

    @Override
    public String startPath() {
        return "/parent/form";
    }

    @Override
    public String askKey() {
        return "parent.problem.help";
    }

    /** A parent is pointed to their social worker, not to Childline (web/link's problem page). */
    @Override
    public String helpKey() {
        return "link.problem.parentHelp";
    }

    @Override
    public String exitUrl() {
        return settings.exitUrl();
    }

    @Override
    public LinkStatus findByHash(byte[] tokenHash, Instant now) {
        return status(repository.invitationIdByTokenHash(tokenHash).flatMap(repository::invitation), now);
    }

    @Override
    public LinkStatus findById(long linkId, Instant now) {
        return status(repository.invitation(linkId), now);
    }

    private static LinkStatus status(Optional<InvitationRepository.InvitationRow> invitation, Instant now) {
        if (invitation.isEmpty()) {
            return LinkStatus.unknown();
        }
        InvitationRepository.InvitationRow i = invitation.get();
        if (i.submittedAt() != null) {
            return LinkStatus.sent(i.id());
        }
        return i.expiresAt().isBefore(now) ? LinkStatus.expired(i.id()) : LinkStatus.open(i.id());
    }
}
