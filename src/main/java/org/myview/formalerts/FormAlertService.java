package org.myview.formalerts;

import io.micronaut.context.annotation.Value;
import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.inject.Singleton;
import org.myview.consultation.FormArrived;
import org.myview.notify.Channel;
import org.myview.notify.Message;
import org.myview.notify.Outbox;
import org.myview.staff.StaffAccount;
import org.myview.staff.StaffAccountService;
import org.myview.staff.StaffUser;
import org.myview.system.Transactions;
import org.myview.web.PublicUrl;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Tells a reviewing officer that a child sent their form (issue 15, item 2; docs/form-alerts.md): one email per
 * form, or one a day listing them, or none, as the officer chose. A message holds links to review pages and a
 * count, never a name or an answer: an email can be forwarded, misdirected or read over a shoulder.
 */
@Singleton
public class FormAlertService {

    /** Outbox subject of an email about one form: its consultation id. */
    static final String SUBJECT = "form_alert";
    /** Outbox subject of a digest: the officer's account id. */
    static final String DIGEST_SUBJECT = "form_alert_digest";
    static final String TEMPLATE = "form-arrived";
    static final String DIGEST_TEMPLATE = "form-digest";
    private static final ZoneId LONDON = ZoneId.of("Europe/London");

    private final FormAlertRepository repository;
    private final StaffAccountService accounts;
    private final Outbox outbox;
    private final PublicUrl publicUrl;
    private final Clock clock;
    private final LocalTime digestTime;
    private final Transactions transactions;

    FormAlertService(FormAlertRepository repository, StaffAccountService accounts, Outbox outbox, PublicUrl publicUrl, Clock clock,
                     @Value("${myview.form-alerts.digest-time:`07:00`}") String digestTime, Transactions transactions) {
        this.repository = repository;
        this.accounts = accounts;
        this.outbox = outbox;
        this.publicUrl = publicUrl;
        this.clock = clock;
        this.digestTime = LocalTime.parse(digestTime);
        this.transactions = transactions;
    }

    /**
     * A child sent a form: its one row, and for an officer who wants each one, its one email, in the transaction
     * that sent the form. The row's primary key (the form) makes a second event, or a second send, do nothing.
     */
    @EventListener
    void onFormArrived(FormArrived event) {
        // joins the transaction that sends the form
        transactions.run(() -> {
            FormAlertChoice choice = event.officerId() == null ? FormAlertChoice.NONE : choiceOf(event.officerId());
            if (repository.insert(event.consultationId(), event.reviewId(), event.officerId(), event.sentAt(), choice.name()) == null
                    || choice != FormAlertChoice.EACH) {
                return;
            }
            officerEmail(event.officerId()).ifPresent(address -> outbox.enqueue(new Message(Channel.EMAIL, address, TEMPLATE,
                    Map.of("link", reviewLink(event.reviewId()))), SUBJECT, event.consultationId()));
        });
    }

    /** The officer's choice; no choice made yet is an email each time. */
    public FormAlertChoice choiceOf(long officerId) {
        return transactions.read(() -> repository.choice(officerId).flatMap(FormAlertChoice::parse).orElse(FormAlertChoice.EACH));
    }

    /** Forms already waiting for a digest stay in it; the new choice applies to forms that arrive from now. */
    void choose(StaffUser user, FormAlertChoice choice) {
        transactions.run(() -> repository.saveChoice(user.accountId(), choice.name(), clock.instant()));
    }

    /**
     * Today's digests, once the digest time has passed: for each officer with forms waiting from before it, one
     * email listing their review links, on whichever instance gets there first. The form rows are claimed
     * (FOR UPDATE SKIP LOCKED) and the day's digest row is unique per officer, so two instances, or a second run,
     * never send an officer two digests in a day; forms arriving after the digest time wait for tomorrow's.
     * Returns how many digests were queued.
     */
    public int sendDigests() {
        return transactions.write(() -> {
            Instant now = clock.instant();
            LocalDate day = now.atZone(LONDON).toLocalDate();
            Instant cutoff = day.atTime(digestTime).atZone(LONDON).toInstant();
            if (now.isBefore(cutoff)) {
                return 0;
            }
            int sent = 0;
            for (long officerId : repository.officersDue(cutoff)) {
                List<FormAlertRepository.Pending> pending = repository.claim(officerId, cutoff);
                if (pending.isEmpty() || repository.startDigest(officerId, day, now, pending.size()) == null) {
                    continue; // another run holds them, or today's digest has gone: they wait for tomorrow's
                }
                repository.markListed(pending.stream().map(FormAlertRepository.Pending::consultationId).toList(), now);
                String links = pending.stream().map(FormAlertRepository.Pending::reviewId).distinct()
                        .map(id -> "* " + reviewLink(id)).collect(Collectors.joining("\n"));
                Optional<String> address = officerEmail(officerId);
                if (address.isPresent()) {
                    outbox.enqueue(new Message(Channel.EMAIL, address.get(), DIGEST_TEMPLATE,
                            Map.of("count", Integer.toString(pending.size()), "links", links)), DIGEST_SUBJECT, officerId);
                    sent++;
                }
            }
            return sent;
        });
    }

    private String reviewLink(long reviewId) {
        return publicUrl.of("/reviews/" + reviewId);
    }

    /** The officer's email, when their account is in use and has one. */
    private Optional<String> officerEmail(long officerId) {
        return accounts.find(officerId).filter(a -> !a.disabled() && a.email() != null && !a.email().isBlank())
                .map(StaffAccount::email).map(String::trim);
    }
}
