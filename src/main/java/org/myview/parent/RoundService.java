package org.myview.parent;

import jakarta.inject.Singleton;
import org.myview.notify.Channel;
import org.myview.notify.Message;
import org.myview.notify.Outbox;
import org.myview.staff.AuditAction;
import org.myview.staff.AuditEvent;
import org.myview.staff.AuditTrail;
import org.myview.staff.StaffUser;
import org.myview.system.Transactions;
import org.myview.web.link.LinkMessageWords;
import org.myview.web.link.LinkTokens;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Rounds of parent feedback. A round asks the parents of every due plan ({@link DueRule}); plans asked
 * in the previous round that are still open are asked again, so each parent's answers can be
 * compared round to round. The lead starts the first round; each round repeats on its own 6 months
 * after it started ({@link ParentJobs}). Parents who answered "no" to understanding why get a
 * shorter follow-up after a set number of days. Every link is created with its message in the
 * outbox, in one transaction.
 */
@Singleton
public record RoundService(ParentRepository repository, InvitationRepository invitations, Outbox outbox, AuditTrail audit,
                           ParentSettings settings, Clock clock, ParentLinkKind linkKind, LinkMessageWords linkWords,
                           Transactions transactions) {

    /** What the lead's page shows. */
    public record Overview(Optional<ParentRepository.Round> current, List<ParentRepository.Plan> due, LocalDate nextRoundOn) {
    }

    static final String INVITATION_TEMPLATE = "parent-invitation";
    static final String FOLLOW_UP_TEMPLATE = "parent-follow-up";

    public LocalDate today() {
        return LocalDate.now(clock);
    }

    public Overview overview() {
        return transactions.read(() -> {
            Optional<ParentRepository.Round> current = repository.latestRound();
            LocalDate today = today();
            List<ParentRepository.Plan> due = duePlans(current.orElse(null), previous(current), today);
            return new Overview(current, due, current.map(r -> DueRule.repeatOn(r.startedOn(), settings.repeatAfterMonths())).orElse(null));
        });
    }

    public List<ParentRepository.Round> rounds() {
        return transactions.read(() -> repository.rounds());
    }

    private Long previous(Optional<ParentRepository.Round> current) {
        if (current.isEmpty() || current.get().number() == 1) {
            return null;
        }
        return repository.rounds().stream().filter(r -> r.number() == current.get().number() - 1).map(ParentRepository.Round::id)
                .findFirst().orElse(null);
    }

    /**
     * The plans to ask in this round today: due by the rule, or asked in the previous round and still
     * open; not asked in this round yet; with a parent whose details are still held.
     */
    List<ParentRepository.Plan> duePlans(ParentRepository.Round round, Long previousRoundId, LocalDate today) {
        List<ParentRepository.Plan> candidates = repository.candidates(today, today.minusMonths(6).minusDays(3),
                round == null ? null : round.id(), previousRoundId);
        return candidates.stream().filter(p -> DueRule.isDue(p.start(), p.end(), today) || p.askedInPreviousRound()).toList();
    }

    /**
     * The lead's button: starts the first round, or sends links to the plans that became due since the
     * current round started. Returns how many links were queued.
     */
    public int sendToDuePlans(StaffUser user) {
        return transactions.write(() -> {
            repository.lockRounds();
            Optional<ParentRepository.Round> current = repository.latestRoundForUpdate();
            LocalDate today = today();
            long roundId;
            int number;
            Long previousId;
            if (current.isEmpty()) {
                roundId = repository.insertRound(1, today, clock.instant(), user == null ? null : user.accountId());
                number = 1;
                previousId = null;
            } else {
                roundId = current.get().id();
                number = current.get().number();
                previousId = previous(current);
            }
            ParentRepository.Round round = new ParentRepository.Round(roundId, number, current.map(ParentRepository.Round::startedOn).orElse(today));
            int sent = invite(round, duePlans(round, previousId, today));
            if (user != null) {
                audit.record(AuditEvent.of(user, AuditAction.PARENT_ROUND_STARTED).subject("parent_round", roundId)
                        .detail(Map.of("round", number, "links", sent)));
            }
            return sent;
        });
    }

    /** The scheduled repeat: when the latest round is 6 months old, the next one starts. Returns links queued, or -1 when not due. */
    public int repeatIfDue() {
        return transactions.write(() -> {
            repository.lockRounds();
            Optional<ParentRepository.Round> latest = repository.latestRoundForUpdate();
            LocalDate today = today();
            if (latest.isEmpty() || today.isBefore(DueRule.repeatOn(latest.get().startedOn(), settings.repeatAfterMonths()))) {
                return -1;
            }
            int number = latest.get().number() + 1;
            long roundId = repository.insertRound(number, today, clock.instant(), null);
            ParentRepository.Round round = new ParentRepository.Round(roundId, number, today);
            return invite(round, duePlans(round, latest.get().id(), today));
        });
    }

    private int invite(ParentRepository.Round round, List<ParentRepository.Plan> plans) {
        int sent = 0;
        for (ParentRepository.Plan plan : plans) {
            for (ParentRepository.Contact contact : repository.contactsOf(plan.id())) {
                if (createLink(round.id(), plan.id(), contact, "FIRST", INVITATION_TEMPLATE)) {
                    sent++;
                }
            }
        }
        return sent;
    }

    /** Follow-ups whose time has come: locked and skipped by other instances, one short transaction. */
    public int sendFollowUps() {
        return transactions.write(() -> {
            Instant cutoff = today().minusDays(settings.followUpAfterDays() - 1L).atStartOfDay(clock.getZone()).toInstant();
            int sent = 0;
            for (InvitationRepository.FollowUpCandidate candidate : invitations.followUpCandidatesForUpdate(cutoff, 200)) {
                if (!DueRule.followUpDue(candidate.answeredOn(), settings.followUpAfterDays(), today())) {
                    continue;
                }
                Optional<ParentRepository.Contact> contact = repository.contact(candidate.contactId());
                if (contact.isPresent() && createLink(candidate.roundId(), candidate.planId(), contact.get(), "FOLLOW_UP", FOLLOW_UP_TEMPLATE)) {
                    sent++;
                }
            }
            return sent;
        });
    }

    /**
     * A new link and its message. The token goes only into the message (the outbox erases it once
     * sent); the database keeps its hash. Email when there is one, otherwise a text message.
     */
    private boolean createLink(long roundId, long planId, ParentRepository.Contact contact, String kind, String template) {
        LinkTokens.NewLink newLink = LinkTokens.newLink();
        Instant now = clock.instant();
        long id = invitations.insertInvitation(roundId, planId, contact.id(), kind, newLink.hash(), now,
                now.plus(Duration.ofDays(settings.linkValidDays())));
        if (id < 0) {
            return false; // already asked: the unique key is the second line
        }
        Channel channel = contact.email() != null ? Channel.EMAIL : Channel.SMS;
        String link = settings.publicUrl().replaceAll("/+$", "") + LinkTokens.path(linkKind, newLink.token());
        outbox.enqueue(new Message(channel, channel == Channel.EMAIL ? contact.email() : contact.mobile(), template,
                linkWords.personalisation("FIRST".equals(kind) ? "parentInvitation" : "parentFollowUp", contact.language(),
                        contact.greetingName(), link)), "parent_invitation", id);
        return true;
    }

    /**
     * Retention: erases parents' contact details a set number of days after their plan ended, or, for a plan
     * with no end date, a set number of days after the council last confirmed it. Audited as counts. Returns
     * how many parents were erased.
     */
    public int eraseExpiredContacts() {
        return transactions.write(() -> {
            Instant now = clock.instant();
            ParentRepository.Erased erased = repository.eraseExpiredContacts(today().minusDays(settings.contactRetentionDays()),
                    now.minus(Duration.ofDays(settings.openPlanRetentionDays())), now);
            if (erased.contacts() > 0 || erased.drafts() > 0) {
                audit.record(AuditEvent.of(null, AuditAction.RETENTION_ERASED).subject("parent_contact", "contacts")
                        .detail(Map.of("rows", erased.contacts(), "endedPlans", erased.ofEndedPlans(), "openPlans", erased.ofOpenPlans(),
                                "drafts", erased.drafts(), "fields", "greeting_name,email,mobile")));
            }
            return erased.contacts();
        });
    }
}
