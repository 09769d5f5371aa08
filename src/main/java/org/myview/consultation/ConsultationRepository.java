package org.myview.consultation;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** SQL for links, forms, answers and concerns. Callers hold the transaction. */
@Singleton
class ConsultationRepository {

    /** A link as the child's pages need it: its review, and whether its form was sent. */
    record LinkRow(long id, long reviewId, Instant createdAt, Instant expiresAt, Instant replacedAt, Instant sentAt) {
    }

    /** What the child's pages say about the review: its date, the child's age on it, the officer. */
    record ReviewFacts(long reviewId, long childId, LocalDate reviewDate, LocalDate dateOfBirth, String officerName) {
    }

    record Form(long id, long linkId, long reviewId, String definitionId, Instant sentAt, boolean shareWithForum) {
    }

    record Answer(String definitionId, int definitionVersion, String questionId, String answer, boolean declined) {
    }

    record Concern(long id, long reviewId, Instant raisedAt, Instant seenAt, String caseReference) {
    }

    private static final String LINK = "select l.id, l.review_id, l.created_at, l.expires_at, l.replaced_at, c.sent_at "
            + "from consultation_link l left join consultation c on c.link_id = l.id ";

    private final JdbcOperations jdbc;

    ConsultationRepository(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    long insertLink(long reviewId, byte[] tokenHash, Long createdBy, Instant now, Instant expiresAt) {
        jdbc.prepareStatement("update consultation_link set replaced_at = ? where review_id = ? and replaced_at is null", ps -> {
            ps.setTimestamp(1, Timestamp.from(now));
            ps.setLong(2, reviewId);
            return ps.executeUpdate();
        });
        return jdbc.prepareStatement("insert into consultation_link (review_id, token_hash, created_by, created_at, expires_at) "
                + "values (?, ?, ?, ?, ?) returning id", ps -> {
            ps.setLong(1, reviewId);
            ps.setBytes(2, tokenHash);
            if (createdBy == null) {
                ps.setNull(3, Types.BIGINT);
            } else {
                ps.setLong(3, createdBy);
            }
            ps.setTimestamp(4, Timestamp.from(now));
            ps.setTimestamp(5, Timestamp.from(expiresAt));
            return single(ps.executeQuery(), rs -> rs.getLong(1)).orElseThrow();
        });
    }

    Optional<LinkRow> linkByHash(byte[] hash) {
        return jdbc.prepareStatement(LINK + "where l.token_hash = ?", ps -> {
            ps.setBytes(1, hash);
            return single(ps.executeQuery(), ConsultationRepository::link);
        });
    }

    Optional<LinkRow> linkById(long id) {
        return jdbc.prepareStatement(LINK + "where l.id = ?", ps -> {
            ps.setLong(1, id);
            return single(ps.executeQuery(), ConsultationRepository::link);
        });
    }

    /** The review's newest link. */
    Optional<LinkRow> latestLink(long reviewId) {
        return jdbc.prepareStatement(LINK + "where l.review_id = ? order by l.id desc limit 1", ps -> {
            ps.setLong(1, reviewId);
            return single(ps.executeQuery(), ConsultationRepository::link);
        });
    }

    Optional<ReviewFacts> reviewFacts(long reviewId) {
        return jdbc.prepareStatement("select r.id, r.review_date, ch.id as child_id, ch.date_of_birth, s.display_name "
                + "from review r join child ch on ch.id = r.child_id left join staff_account s on s.id = r.reviewing_officer_id "
                + "where r.id = ?", ps -> {
            ps.setLong(1, reviewId);
            return single(ps.executeQuery(), rs -> new ReviewFacts(rs.getLong("id"), rs.getLong("child_id"),
                    rs.getDate("review_date").toLocalDate(), rs.getDate("date_of_birth").toLocalDate(), rs.getString("display_name")));
        });
    }

    Optional<Form> formForLink(long linkId) {
        return jdbc.prepareStatement("select * from consultation where link_id = ?", ps -> {
            ps.setLong(1, linkId);
            return single(ps.executeQuery(), ConsultationRepository::form);
        });
    }

    /** The review's sent form, the newest if a later link was sent too. */
    Optional<Form> sentForm(long reviewId) {
        return jdbc.prepareStatement("select * from consultation where review_id = ? and sent_at is not null "
                + "order by sent_at desc limit 1", ps -> {
            ps.setLong(1, reviewId);
            return single(ps.executeQuery(), ConsultationRepository::form);
        });
    }

    /** The form of a link, created with the given version if it does not exist yet (at most one per link). */
    Form formCreatingIfAbsent(long linkId, long reviewId, String definitionId) {
        jdbc.prepareStatement("insert into consultation (link_id, review_id, definition_id) values (?, ?, ?) "
                + "on conflict (link_id) do nothing", ps -> {
            ps.setLong(1, linkId);
            ps.setLong(2, reviewId);
            ps.setString(3, definitionId);
            return ps.executeUpdate();
        });
        return formForLink(linkId).orElseThrow();
    }

    void setDefinition(long formId, String definitionId) {
        jdbc.prepareStatement("update consultation set definition_id = ? where id = ? and sent_at is null", ps -> {
            ps.setString(1, definitionId);
            ps.setLong(2, formId);
            return ps.executeUpdate();
        });
    }

    void saveAnswer(long formId, Answer answer, Instant now) {
        jdbc.prepareStatement("insert into consultation_answer (consultation_id, definition_id, definition_version, question_id, "
                + "answer, declined, answered_at) values (?, ?, ?, ?, ?, ?, ?) on conflict (consultation_id, definition_id, question_id) "
                + "do update set definition_version = excluded.definition_version, answer = excluded.answer, "
                + "declined = excluded.declined, answered_at = excluded.answered_at", ps -> {
            ps.setLong(1, formId);
            ps.setString(2, answer.definitionId());
            ps.setInt(3, answer.definitionVersion());
            ps.setString(4, answer.questionId());
            ps.setString(5, answer.answer());
            ps.setBoolean(6, answer.declined());
            ps.setTimestamp(7, Timestamp.from(now));
            return ps.executeUpdate();
        });
    }

    List<Answer> answers(long formId, String definitionId) {
        return jdbc.prepareStatement("select * from consultation_answer where consultation_id = ? and definition_id = ?", ps -> {
            ps.setLong(1, formId);
            ps.setString(2, definitionId);
            List<Answer> answers = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    answers.add(new Answer(rs.getString("definition_id"), rs.getInt("definition_version"),
                            rs.getString("question_id"), rs.getString("answer"), rs.getBoolean("declined")));
                }
            }
            return answers;
        });
    }

    /**
     * Marks the form sent, once: a second send (a double tap, a retry, two at the same moment) waits for the
     * first's row lock, then finds it sent and changes nothing. True for the one call that sent it.
     */
    boolean markSent(long formId, boolean share, Instant now) {
        return jdbc.prepareStatement("update consultation set sent_at = ?, share_with_forum = ? where id = ? and sent_at is null", ps -> {
            ps.setTimestamp(1, Timestamp.from(now));
            ps.setBoolean(2, share);
            ps.setLong(3, formId);
            return ps.executeUpdate() == 1;
        });
    }

    /** Locks the link's row until the transaction ends: concerns and sends of one link take turns. */
    Optional<LinkRow> lockLinkById(long id) {
        return jdbc.prepareStatement(LINK + "where l.id = ? for update of l", ps -> {
            ps.setLong(1, id);
            return single(ps.executeQuery(), ConsultationRepository::link);
        });
    }

    Optional<LinkRow> lockLinkByHash(byte[] hash) {
        return jdbc.prepareStatement(LINK + "where l.token_hash = ? for update of l", ps -> {
            ps.setBytes(1, hash);
            return single(ps.executeQuery(), ConsultationRepository::link);
        });
    }

    List<Concern> concerns(long reviewId) {
        return jdbc.prepareStatement(CONCERNS + "where k.review_id = ? order by k.raised_at desc", ps -> {
            ps.setLong(1, reviewId);
            return concerns(ps.executeQuery());
        });
    }

    int markConcernsSeen(long reviewId, long staffId, Instant now) {
        return jdbc.prepareStatement("update consultation_concern set seen_at = ?, seen_by = ? where review_id = ? and seen_at is null", ps -> {
            ps.setTimestamp(1, Timestamp.from(now));
            ps.setLong(2, staffId);
            ps.setLong(3, reviewId);
            return ps.executeUpdate();
        });
    }

    private static final String CONCERNS = "select k.id, k.review_id, k.raised_at, k.seen_at, ch.case_reference "
            + "from consultation_concern k join review rv on rv.id = k.review_id join child ch on ch.id = rv.child_id ";

    private static List<Concern> concerns(ResultSet rs) throws SQLException {
        List<Concern> list = new ArrayList<>();
        try (rs) {
            while (rs.next()) {
                list.add(new Concern(rs.getLong("id"), rs.getLong("review_id"), rs.getTimestamp("raised_at").toInstant(),
                        instant(rs.getTimestamp("seen_at")), rs.getString("case_reference")));
            }
        }
        return list;
    }

    private static LinkRow link(ResultSet rs) throws SQLException {
        return new LinkRow(rs.getLong("id"), rs.getLong("review_id"), rs.getTimestamp("created_at").toInstant(),
                rs.getTimestamp("expires_at").toInstant(), instant(rs.getTimestamp("replaced_at")), instant(rs.getTimestamp("sent_at")));
    }

    private static Form form(ResultSet rs) throws SQLException {
        return new Form(rs.getLong("id"), rs.getLong("link_id"), rs.getLong("review_id"), rs.getString("definition_id"),
                instant(rs.getTimestamp("sent_at")), rs.getBoolean("share_with_forum"));
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }

    private interface Row<T> {
        T map(ResultSet rs) throws SQLException;
    }

    private static <T> Optional<T> single(ResultSet rs, Row<T> row) throws SQLException {
        try (rs) {
            return rs.next() ? Optional.of(row.map(rs)) : Optional.empty();
        }
    }

    static Date date(LocalDate d) {
        return Date.valueOf(d);
    }
}
