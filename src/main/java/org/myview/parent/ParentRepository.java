package org.myview.parent;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.json.JsonMapper;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The parent feedback tables. Called by this package's services, inside their transactions. */
@Singleton
@Transactional
class ParentRepository {

    record Plan(long id, String reference, PlanType type, LocalDate start, LocalDate end, List<String> children, int contacts,
                boolean askedInPreviousRound) {
    }

    record Contact(long id, long planId, String greetingName, String email, String mobile, String language) {
    }

    record Round(long id, int number, LocalDate startedOn) {
    }

    /** A link as the parent's form needs it. */
    record Invitation(long id, long roundId, long planId, String kind, PlanType planType, Instant expiresAt, Instant submittedAt,
                      Map<String, Object> draft) {
    }

    private final JdbcOperations jdbc;
    private final JsonMapper json;

    ParentRepository(JdbcOperations jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    // Plans and contacts

    Optional<Long> planIdByReference(String reference) {
        return jdbc.prepareStatement("select id from parent_plan where upper(plan_reference) = upper(?) for update", ps -> {
            ps.setString(1, reference);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rs.getLong(1)) : Optional.<Long>empty();
            }
        });
    }

    long insertPlan(String reference, PlanType type, LocalDate start, LocalDate end) {
        return jdbc.prepareStatement("insert into parent_plan (plan_reference, plan_type, start_date, end_date) values (?, ?, ?, ?) returning id", ps -> {
            ps.setString(1, reference);
            ps.setString(2, type.name());
            ps.setObject(3, start);
            ps.setObject(4, end);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }

    void updatePlan(long id, PlanType type, LocalDate start, LocalDate end) {
        jdbc.prepareStatement("update parent_plan set plan_type = ?, start_date = ?, end_date = ? where id = ?", ps -> {
            ps.setString(1, type.name());
            ps.setObject(2, start);
            ps.setObject(3, end);
            ps.setLong(4, id);
            return ps.executeUpdate();
        });
    }

    void addChildren(long planId, List<String> caseReferences) {
        jdbc.prepareStatement("insert into parent_plan_child (plan_id, case_reference) values (?, ?) on conflict do nothing", ps -> {
            for (String ref : caseReferences) {
                ps.setLong(1, planId);
                ps.setString(2, ref);
                ps.addBatch();
            }
            return ps.executeBatch();
        });
    }

    /** Adds the parent unless the plan already has one with this email or mobile. Returns true when added. */
    boolean addContact(long planId, String name, String email, String mobile, String language) {
        return jdbc.prepareStatement("insert into parent_contact (plan_id, greeting_name, email, mobile, language) select ?, ?, ?, ?, ? "
                + "where not exists (select 1 from parent_contact where plan_id = ? and erased_at is null "
                + "and (lower(email) = lower(?) or mobile = ?))", ps -> {
            ps.setLong(1, planId);
            ps.setString(2, name);
            ps.setString(3, email);
            ps.setString(4, mobile);
            ps.setString(5, language);
            ps.setLong(6, planId);
            ps.setString(7, email);
            ps.setString(8, mobile);
            return ps.executeUpdate() == 1;
        });
    }

    @Transactional(readOnly = true)
    List<Plan> plans(int limit) {
        return jdbc.prepareStatement("select p.*, (select array_agg(c.case_reference order by c.case_reference) from parent_plan_child c where c.plan_id = p.id) children, "
                + "(select count(*) from parent_contact k where k.plan_id = p.id and k.erased_at is null) contacts, false asked_before "
                + "from parent_plan p order by p.start_date desc, p.id desc limit ?", ps -> {
            ps.setInt(1, limit);
            return plansFrom(ps);
        });
    }

    /** Open plans that started since {@code startedSince}, with a parent still to contact and not asked in this round. */
    @Transactional(readOnly = true)
    List<Plan> candidates(LocalDate day, LocalDate startedSince, Long roundId, Long previousRoundId) {
        return jdbc.prepareStatement("select p.*, (select array_agg(c.case_reference order by c.case_reference) from parent_plan_child c where c.plan_id = p.id) children, "
                + "(select count(*) from parent_contact k where k.plan_id = p.id and k.erased_at is null) contacts, "
                + "exists (select 1 from parent_invitation i where i.plan_id = p.id and i.round_id = ? and i.kind = 'FIRST') asked_before "
                + "from parent_plan p where (p.end_date is null or p.end_date >= ?) and p.start_date <= ? "
                + "and (p.start_date >= ? or exists (select 1 from parent_invitation i where i.plan_id = p.id and i.round_id = ? and i.kind = 'FIRST')) "
                + "and exists (select 1 from parent_contact k where k.plan_id = p.id and k.erased_at is null) "
                + "and not exists (select 1 from parent_invitation i where i.plan_id = p.id and i.round_id = ? and i.kind = 'FIRST') "
                + "order by p.start_date, p.id", ps -> {
            ps.setLong(1, previousRoundId == null ? -1L : previousRoundId);
            ps.setObject(2, day);
            ps.setObject(3, day);
            ps.setObject(4, startedSince);
            ps.setLong(5, previousRoundId == null ? -1L : previousRoundId);
            ps.setLong(6, roundId == null ? -1L : roundId);
            return plansFrom(ps);
        });
    }

    private static List<Plan> plansFrom(PreparedStatement ps) throws SQLException {
        List<Plan> plans = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                java.sql.Array children = rs.getArray("children");
                plans.add(new Plan(rs.getLong("id"), rs.getString("plan_reference"), PlanType.valueOf(rs.getString("plan_type")),
                        rs.getObject("start_date", LocalDate.class), rs.getObject("end_date", LocalDate.class),
                        children == null ? List.of() : Arrays.asList((String[]) children.getArray()), rs.getInt("contacts"),
                        rs.getBoolean("asked_before")));
            }
        }
        return plans;
    }

    List<Contact> contactsOf(long planId) {
        return jdbc.prepareStatement("select * from parent_contact where plan_id = ? and erased_at is null order by id", ps -> {
            ps.setLong(1, planId);
            List<Contact> contacts = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    contacts.add(new Contact(rs.getLong("id"), rs.getLong("plan_id"), rs.getString("greeting_name"), rs.getString("email"),
                            rs.getString("mobile"), rs.getString("language")));
                }
            }
            return contacts;
        });
    }

    // Rounds

    /** The latest round, locked: starting or repeating a round happens on one instance at a time. */
    Optional<Round> latestRoundForUpdate() {
        return jdbc.prepareStatement("select * from parent_round order by round_number desc limit 1 for update", ps -> {
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(round(rs)) : Optional.<Round>empty();
            }
        });
    }

    @Transactional(readOnly = true)
    Optional<Round> latestRound() {
        return jdbc.prepareStatement("select * from parent_round order by round_number desc limit 1", ps -> {
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(round(rs)) : Optional.<Round>empty();
            }
        });
    }

    @Transactional(readOnly = true)
    List<Round> rounds() {
        return jdbc.prepareStatement("select * from parent_round order by round_number", ps -> {
            List<Round> rounds = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rounds.add(round(rs));
                }
            }
            return rounds;
        });
    }

    /** Serialises round starts across instances (the first round has no row to lock yet). */
    void lockRounds() {
        jdbc.prepareStatement("select pg_advisory_xact_lock(7100021)", PreparedStatement::execute);
    }

    long insertRound(int number, LocalDate startedOn, Instant now, Long staffId) {
        return jdbc.prepareStatement("insert into parent_round (round_number, started_on, started_at, started_by) values (?, ?, ?, ?) returning id", ps -> {
            ps.setInt(1, number);
            ps.setObject(2, startedOn);
            ps.setTimestamp(3, Timestamp.from(now));
            ps.setObject(4, staffId);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }

    private static Round round(ResultSet rs) throws SQLException {
        return new Round(rs.getLong("id"), rs.getInt("round_number"), rs.getObject("started_on", LocalDate.class));
    }

    // Invitations

    long insertInvitation(long roundId, long planId, long contactId, String kind, byte[] tokenHash, Instant now, Instant expires) {
        return jdbc.prepareStatement("insert into parent_invitation (round_id, plan_id, contact_id, kind, token_hash, created_at, expires_at) "
                + "values (?, ?, ?, ?, ?, ?, ?) on conflict (round_id, contact_id, kind) do nothing returning id", ps -> {
            ps.setLong(1, roundId);
            ps.setLong(2, planId);
            ps.setLong(3, contactId);
            ps.setString(4, kind);
            ps.setBytes(5, tokenHash);
            ps.setTimestamp(6, Timestamp.from(now));
            ps.setTimestamp(7, Timestamp.from(expires));
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getLong(1) : -1L;
            }
        });
    }

    /** A follow-up to send: a first answer of "no" to understanding why, old enough, with no follow-up yet. Locked, skipped by other instances. */
    record FollowUpCandidate(long invitationId, long roundId, long planId, long contactId, LocalDate answeredOn) {
    }

    List<FollowUpCandidate> followUpCandidatesForUpdate(Instant answeredBefore, int limit) {
        return jdbc.prepareStatement("select i.id, i.round_id, i.plan_id, i.contact_id, r.submitted_at from parent_invitation i "
                + "join parent_response r on r.invitation_id = i.id "
                + "join parent_contact k on k.id = i.contact_id and k.erased_at is null "
                + "where i.kind = 'FIRST' and r.understand_why = 'NO' and r.submitted_at < ? "
                + "and not exists (select 1 from parent_invitation f where f.round_id = i.round_id and f.contact_id = i.contact_id and f.kind = 'FOLLOW_UP') "
                + "order by r.submitted_at limit ? for update of i skip locked", ps -> {
            ps.setTimestamp(1, Timestamp.from(answeredBefore));
            ps.setInt(2, limit);
            List<FollowUpCandidate> list = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    list.add(new FollowUpCandidate(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4),
                            rs.getTimestamp(5).toInstant().atZone(java.time.ZoneId.of("Europe/London")).toLocalDate()));
                }
            }
            return list;
        });
    }

    Optional<Contact> contact(long id) {
        return jdbc.prepareStatement("select * from parent_contact where id = ? and erased_at is null", ps -> {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(new Contact(rs.getLong("id"), rs.getLong("plan_id"), rs.getString("greeting_name"),
                        rs.getString("email"), rs.getString("mobile"), rs.getString("language"))) : Optional.<Contact>empty();
            }
        });
    }

    Optional<Long> invitationIdByTokenHash(byte[] hash) {
        return jdbc.prepareStatement("select id from parent_invitation where token_hash = ?", ps -> {
            ps.setBytes(1, hash);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rs.getLong(1)) : Optional.<Long>empty();
            }
        });
    }

    Optional<Invitation> invitation(long id, boolean forUpdate) {
        return jdbc.prepareStatement("select i.*, p.plan_type from parent_invitation i join parent_plan p on p.id = i.plan_id where i.id = ?"
                + (forUpdate ? " for update of i" : ""), ps -> {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.<Invitation>empty();
                }
                Timestamp submitted = rs.getTimestamp("submitted_at");
                return Optional.of(new Invitation(rs.getLong("id"), rs.getLong("round_id"), rs.getLong("plan_id"), rs.getString("kind"),
                        PlanType.valueOf(rs.getString("plan_type")), rs.getTimestamp("expires_at").toInstant(),
                        submitted == null ? null : submitted.toInstant(), readMap(rs.getString("draft"))));
            }
        });
    }

    void saveDraft(long invitationId, Map<String, Object> draft) {
        jdbc.prepareStatement("update parent_invitation set draft = ?::jsonb where id = ? and submitted_at is null", ps -> {
            ps.setString(1, write(draft));
            ps.setLong(2, invitationId);
            return ps.executeUpdate();
        });
    }

    /** The answers, stored apart from anything that says who gave them; the draft is emptied. */
    void submit(Invitation invitation, ParentAnswers a, Instant now) {
        jdbc.prepareStatement("insert into parent_response (invitation_id, round_id, kind, plan_type, understand_why, know_what_change, barriers, "
                + "barriers_other, support_rating, understood_concerns, made_difference, anything_else, submitted_at) "
                + "values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", ps -> {
            ps.setLong(1, invitation.id());
            ps.setLong(2, invitation.roundId());
            ps.setString(3, invitation.kind());
            ps.setString(4, invitation.planType().name());
            ps.setString(5, a.understandWhy());
            ps.setString(6, a.knowWhatChange());
            ps.setArray(7, ps.getConnection().createArrayOf("text", a.barriers().toArray()));
            ps.setString(8, a.barriersOther());
            ps.setObject(9, a.supportRating());
            ps.setString(10, a.understoodConcerns());
            ps.setString(11, a.madeDifference());
            ps.setString(12, a.anythingElse());
            ps.setTimestamp(13, Timestamp.from(now));
            return ps.executeUpdate();
        });
        jdbc.prepareStatement("update parent_invitation set submitted_at = ?, draft = '{}' where id = ?", ps -> {
            ps.setTimestamp(1, Timestamp.from(now));
            ps.setLong(2, invitation.id());
            return ps.executeUpdate();
        });
    }

    // Results

    record ResponseRow(int roundNumber, String kind, String planType, String understandWhy, String knowWhatChange, List<String> barriers,
                       String barriersOther, Integer supportRating, String understoodConcerns, String madeDifference, String anythingElse,
                       LocalDate submittedOn) {
    }

    @Transactional(readOnly = true)
    List<ResponseRow> responses() {
        return jdbc.prepareStatement("select r.*, d.round_number from parent_response r join parent_round d on d.id = r.round_id "
                + "order by d.round_number, r.kind, r.submitted_at", ps -> {
            List<ResponseRow> rows = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.add(new ResponseRow(rs.getInt("round_number"), rs.getString("kind"), rs.getString("plan_type"),
                            rs.getString("understand_why"), rs.getString("know_what_change"),
                            Arrays.asList((String[]) rs.getArray("barriers").getArray()), rs.getString("barriers_other"),
                            (Integer) rs.getObject("support_rating"), rs.getString("understood_concerns"), rs.getString("made_difference"),
                            rs.getString("anything_else"),
                            rs.getTimestamp("submitted_at").toInstant().atZone(java.time.ZoneId.of("Europe/London")).toLocalDate()));
                }
            }
            return rows;
        });
    }

    /** Links sent per round and kind: the denominators of the response rates. */
    @Transactional(readOnly = true)
    Map<String, Integer> invitationsSent() {
        return jdbc.prepareStatement("select d.round_number, i.kind, count(*) from parent_invitation i join parent_round d on d.id = i.round_id "
                + "group by d.round_number, i.kind", ps -> {
            Map<String, Integer> counts = new LinkedHashMap<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    counts.put(rs.getInt(1) + "/" + rs.getString(2), rs.getInt(3));
                }
            }
            return counts;
        });
    }

    /** "No" at first, then the follow-up answer, per round: movement after follow-ups. */
    @Transactional(readOnly = true)
    List<String[]> followUpPairs() {
        return jdbc.prepareStatement("select d.round_number, f.understand_why from parent_response f "
                + "join parent_invitation fi on fi.id = f.invitation_id join parent_round d on d.id = f.round_id where f.kind = 'FOLLOW_UP'", ps -> {
            List<String[]> pairs = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    pairs.add(new String[]{String.valueOf(rs.getInt(1)), rs.getString(2)});
                }
            }
            return pairs;
        });
    }

    // Retention

    /** Erases names, emails and mobiles of plans that ended on or before {@code endedOnOrBefore}. Only those. */
    int eraseContactsOfPlansEndedBy(LocalDate endedOnOrBefore, Instant now) {
        int erased = jdbc.prepareStatement("update parent_contact k set greeting_name = null, email = null, mobile = null, erased_at = ? "
                + "from parent_plan p where p.id = k.plan_id and k.erased_at is null and p.end_date is not null and p.end_date <= ?", ps -> {
            ps.setTimestamp(1, Timestamp.from(now));
            ps.setObject(2, endedOnOrBefore);
            return ps.executeUpdate();
        });
        // Unsent drafts of erased parents go too: they could only be finished through a link nobody should use now.
        jdbc.prepareStatement("update parent_invitation i set draft = '{}', expires_at = least(expires_at, ?) from parent_contact k "
                + "where k.id = i.contact_id and k.erased_at is not null and i.submitted_at is null and i.draft <> '{}'::jsonb", ps -> {
            ps.setTimestamp(1, Timestamp.from(now));
            return ps.executeUpdate();
        });
        return erased;
    }

    private String write(Map<String, Object> map) {
        try {
            return json.writeValueAsString(map);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> readMap(String text) {
        try {
            return json.readValue(text, Map.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Date sqlDate(LocalDate d) {
        return d == null ? null : Date.valueOf(d);
    }
}
