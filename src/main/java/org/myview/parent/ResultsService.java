package org.myview.parent;

import jakarta.inject.Singleton;
import org.myview.staff.AuditAction;
import org.myview.staff.AuditEvent;
import org.myview.staff.AuditTrail;
import org.myview.staff.StaffUser;
import org.myview.system.Transactions;
import org.myview.web.CsvWriter;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * The figures the improvement plan asks for: response rate per round, each answer's distribution, the
 * share who understand why and know what needs to change (the baseline and its trend round to round),
 * and what follow-ups found.
 */
@Singleton
public record ResultsService(ParentRepository repository, InvitationRepository invitations, AuditTrail audit,
                             Transactions transactions) {

    public record RoundSummary(int round, int sent, int answered, Integer ratePercent, Integer understandPercent, Integer knowPercent,
                               int followUpsSent, int followUpsAnswered, int followUpYes, int followUpPartly) {
    }

    /** One answer's count in one question of one round; {@code value} null is "not answered". */
    public record Count(String question, String value, int count, Integer percent) {
    }

    public record Results(List<RoundSummary> rounds, Map<Integer, List<Count>> distributions) {
    }

    public Results results() {
        return transactions.read(() -> {
            List<InvitationRepository.ResponseRow> all = invitations.responses();
            Map<String, Integer> sent = invitations.invitationsSent();
            List<RoundSummary> summaries = new ArrayList<>();
            Map<Integer, List<Count>> distributions = new LinkedHashMap<>();
            for (ParentRepository.Round round : repository.rounds()) {
                int n = round.number();
                List<InvitationRepository.ResponseRow> first = all.stream().filter(r -> r.roundNumber() == n && r.kind().equals("FIRST")).toList();
                List<InvitationRepository.ResponseRow> follow = all.stream().filter(r -> r.roundNumber() == n && r.kind().equals("FOLLOW_UP")).toList();
                int firstSent = sent.getOrDefault(n + "/FIRST", 0);
                summaries.add(new RoundSummary(n, firstSent, first.size(), percent(first.size(), firstSent),
                        share(first, InvitationRepository.ResponseRow::understandWhy), share(first, InvitationRepository.ResponseRow::knowWhatChange),
                        sent.getOrDefault(n + "/FOLLOW_UP", 0), follow.size(),
                        (int) follow.stream().filter(r -> "YES".equals(r.understandWhy())).count(),
                        (int) follow.stream().filter(r -> "PARTLY".equals(r.understandWhy())).count()));
                List<Count> counts = new ArrayList<>();
                counts.addAll(distribution("understandWhy", first, InvitationRepository.ResponseRow::understandWhy, ParentQuestions.YES_PARTLY_NO));
                counts.addAll(distribution("knowWhatChange", first, InvitationRepository.ResponseRow::knowWhatChange, ParentQuestions.YES_PARTLY_NO));
                for (String barrier : ParentQuestions.BARRIERS) {
                    int c = (int) first.stream().filter(r -> r.barriers().contains(barrier)).count();
                    counts.add(new Count("barriers", barrier, c, percent(c, first.size())));
                }
                counts.addAll(distribution("supportRating", first, r -> r.supportRating() == null ? null : r.supportRating().toString(),
                        ParentQuestions.RATING));
                counts.addAll(distribution("understoodConcerns", first, InvitationRepository.ResponseRow::understoodConcerns, ParentQuestions.YES_PARTLY_NO));
                counts.addAll(distribution("madeDifference", first, InvitationRepository.ResponseRow::madeDifference, ParentQuestions.YES_PARTLY_NO));
                distributions.put(n, counts);
            }
            return new Results(summaries, distributions);
        });
    }

    /** Every answer, one row each, without anything that says who gave it. The export is audited. */
    public String exportCsv(StaffUser user) {
        return transactions.write(() -> {
            CsvWriter csv = new CsvWriter().row("round", "ask", "plan_type", "answered_on", "understand_why", "know_what_change", "barriers",
                    "barriers_other", "support_rating", "understood_concerns", "made_difference", "anything_else");
            List<InvitationRepository.ResponseRow> rows = invitations.responses();
            for (InvitationRepository.ResponseRow r : rows) {
                csv.row(java.util.Arrays.asList(r.roundNumber(), r.kind(), r.planType(), r.submittedOn(), r.understandWhy(), r.knowWhatChange(),
                        String.join(";", r.barriers()), r.barriersOther(), r.supportRating(), r.understoodConcerns(), r.madeDifference(),
                        r.anythingElse())); // blanks are skipped questions
            }
            audit.record(AuditEvent.of(user, AuditAction.PARENT_RESULTS_EXPORTED).detail(Map.of("rows", rows.size())));
            return csv.toString();
        });
    }

    private static List<Count> distribution(String question, List<InvitationRepository.ResponseRow> rows,
                                            Function<InvitationRepository.ResponseRow, String> answer, List<String> options) {
        List<Count> counts = new ArrayList<>();
        for (String option : options) {
            int c = (int) rows.stream().filter(r -> option.equals(answer.apply(r))).count();
            counts.add(new Count(question, option, c, percent(c, rows.size())));
        }
        int none = (int) rows.stream().map(answer).filter(Objects::isNull).count();
        counts.add(new Count(question, null, none, percent(none, rows.size())));
        return counts;
    }

    /** Share answering YES among those who answered the question (skipped answers are left out). */
    private static Integer share(List<InvitationRepository.ResponseRow> rows, Function<InvitationRepository.ResponseRow, String> answer) {
        long answered = rows.stream().map(answer).filter(Objects::nonNull).count();
        long yes = rows.stream().map(answer).filter("YES"::equals).count();
        return percent((int) yes, (int) answered);
    }

    static Integer percent(int part, int whole) {
        return whole == 0 ? null : (int) Math.round(100.0 * part / whole);
    }
}
