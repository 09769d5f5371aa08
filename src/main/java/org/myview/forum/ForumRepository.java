package org.myview.forum;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The forum's own tables: children's words in moderation, and "You said, we did". */
@Singleton
class ForumRepository {

    /** A child's answer as the participation lead sees it in the queue (never shown to the forum). */
    record PendingQuote(long id, String question, String text) {
    }

    /** What the forum sees of a child's words: the question and the checked text, nothing else. */
    record Quote(String question, String text) {
    }

    /** One "You said, we did" line. */
    record Action(long id, String asked, LocalDate askedOn, String response, ActionStatus status, LocalDate updatedOn) {
    }

    private final JdbcOperations jdbc;

    ForumRepository(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    /** Adds one answer to the queue; a second delivery of the same answer changes nothing. */
    void queue(long consultationId, String questionId, String question, String text) {
        jdbc.prepareStatement("insert into forum_quote (consultation_id, question_id, question, original_text) values (?, ?, ?, ?) "
                + "on conflict (consultation_id, question_id) do nothing", ps -> {
            ps.setLong(1, consultationId);
            ps.setString(2, questionId);
            ps.setString(3, question);
            ps.setString(4, text);
            return ps.executeUpdate();
        });
    }

    List<PendingQuote> pending() {
        return jdbc.prepareStatement("select id, question, original_text from forum_quote where status = 'PENDING' order by id", ps -> {
            List<PendingQuote> quotes = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    quotes.add(new PendingQuote(rs.getLong(1), rs.getString(2), rs.getString(3)));
                }
            }
            return quotes;
        });
    }

    Optional<PendingQuote> pending(long id) {
        return jdbc.prepareStatement("select id, question, original_text from forum_quote where id = ? and status = 'PENDING'", ps -> {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(new PendingQuote(rs.getLong(1), rs.getString(2), rs.getString(3))) : Optional.empty();
            }
        });
    }

    /** Approves a pending answer with the checked text; the child's original words are removed. False if not pending. */
    boolean approve(long id, String publishedText, long moderatorId) {
        return decide(id, "APPROVED", publishedText, moderatorId);
    }

    /** Rejects a pending (or withdraws an approved) answer: no text is kept. */
    boolean reject(long id, long moderatorId) {
        return decide(id, "REJECTED", null, moderatorId);
    }

    private boolean decide(long id, String status, String publishedText, long moderatorId) {
        return jdbc.prepareStatement("update forum_quote set status = ?, published_text = ?, original_text = null, "
                + "moderated_by = ?, moderated_at = now() where id = ? and status in ('PENDING', 'APPROVED') "
                + "and (? = 'REJECTED' or status = 'PENDING')", ps -> {
            ps.setString(1, status);
            ps.setString(2, publishedText);
            ps.setLong(3, moderatorId);
            ps.setLong(4, id);
            ps.setString(5, status);
            return ps.executeUpdate() == 1;
        });
    }

    /**
     * Approved words only, grouped by question. Within a question the order is a fixed shuffle, not the order
     * they arrived in, so the list says nothing about when a child wrote.
     */
    List<Quote> approved() {
        return jdbc.prepareStatement("select question, published_text from forum_quote where status = 'APPROVED' "
                + "order by question, md5(id::text)", ps -> {
            List<Quote> quotes = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    quotes.add(new Quote(rs.getString(1), rs.getString(2)));
                }
            }
            return quotes;
        });
    }

    /** Approved answers with their ids, for the participation lead (to take one down). */
    List<PendingQuote> approvedForLead() {
        return jdbc.prepareStatement("select id, question, published_text from forum_quote where status = 'APPROVED' order by id", ps -> {
            List<PendingQuote> quotes = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    quotes.add(new PendingQuote(rs.getLong(1), rs.getString(2), rs.getString(3)));
                }
            }
            return quotes;
        });
    }

    List<Action> actions() {
        return jdbc.prepareStatement("select id, asked, asked_on, response, status, updated_on from forum_action "
                + "order by asked_on desc, id desc", ps -> {
            List<Action> actions = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    actions.add(action(rs));
                }
            }
            return actions;
        });
    }

    Optional<Action> action(long id) {
        return jdbc.prepareStatement("select id, asked, asked_on, response, status, updated_on from forum_action where id = ?", ps -> {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(action(rs)) : Optional.empty();
            }
        });
    }

    long insertAction(String asked, LocalDate askedOn, String response, ActionStatus status, LocalDate updatedOn, long by) {
        return jdbc.prepareStatement("insert into forum_action (asked, asked_on, response, status, updated_on, updated_by) "
                + "values (?, ?, ?, ?, ?, ?) returning id", ps -> {
            bindAction(ps, asked, askedOn, response, status, updatedOn, by);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }

    boolean updateAction(long id, String asked, LocalDate askedOn, String response, ActionStatus status, LocalDate updatedOn, long by) {
        return jdbc.prepareStatement("update forum_action set asked = ?, asked_on = ?, response = ?, status = ?, updated_on = ?, "
                + "updated_by = ?, updated_at = now() where id = ?", ps -> {
            bindAction(ps, asked, askedOn, response, status, updatedOn, by);
            ps.setLong(7, id);
            return ps.executeUpdate() == 1;
        });
    }

    private static void bindAction(java.sql.PreparedStatement ps, String asked, LocalDate askedOn, String response,
                                   ActionStatus status, LocalDate updatedOn, long by) throws SQLException {
        ps.setString(1, asked);
        ps.setDate(2, Date.valueOf(askedOn));
        ps.setString(3, response);
        ps.setString(4, status.name());
        if (updatedOn == null) {
            ps.setNull(5, Types.DATE);
        } else {
            ps.setDate(5, Date.valueOf(updatedOn));
        }
        ps.setLong(6, by);
    }

    private static Action action(ResultSet rs) throws SQLException {
        Date updated = rs.getDate(6);
        return new Action(rs.getLong(1), rs.getString(2), rs.getDate(3).toLocalDate(), rs.getString(4),
                ActionStatus.valueOf(rs.getString(5)), updated == null ? null : updated.toLocalDate());
    }
}
