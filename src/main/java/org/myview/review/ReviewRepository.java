package org.myview.review;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.myview.participation.ParticipationMethod;

import java.sql.Array;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Children, reviews and participation, in SQL. */
@Singleton
@Transactional
class ReviewRepository {

    static final String SELECT = "select r.id, r.review_type, r.review_date, r.reviewing_officer_id, o.display_name as officer_name, "
            + "c.id as child_id, c.case_reference, c.first_name, c.date_of_birth, "
            + "p.pn_code, p.advocate, p.views_reached_by, rb.display_name as recorded_by_name, p.recorded_at, "
            + "ub.display_name as updated_by_name, p.updated_at "
            + "from review r join child c on c.id = r.child_id "
            + "left join staff_account o on o.id = r.reviewing_officer_id "
            + "left join review_participation p on p.review_id = r.id "
            + "left join staff_account rb on rb.id = p.recorded_by "
            + "left join staff_account ub on ub.id = p.updated_by ";

    private final JdbcOperations jdbc;

    ReviewRepository(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Review> find(long reviewId) {
        List<Review> reviews = list(SELECT + "where r.id = ?", ps -> ps.setLong(1, reviewId));
        return reviews.stream().findFirst();
    }

    /** Held reviews with no participation recorded, oldest first; officerId null means every officer. */
    List<Review> heldNotRecorded(Long officerId, LocalDate today) {
        return list(SELECT + "where p.review_id is null and r.review_date <= ? "
                + (officerId == null ? "" : "and r.reviewing_officer_id = ? ") + "order by r.review_date, r.id", ps -> {
            ps.setDate(1, Date.valueOf(today));
            if (officerId != null) {
                ps.setLong(2, officerId);
            }
        });
    }

    List<Review> upcoming(Long officerId, LocalDate today, int limit) {
        return list(SELECT + "where r.review_date > ? " + (officerId == null ? "" : "and r.reviewing_officer_id = ? ")
                + "order by r.review_date, r.id limit " + limit, ps -> {
            ps.setDate(1, Date.valueOf(today));
            if (officerId != null) {
                ps.setLong(2, officerId);
            }
        });
    }

    List<Review> recentlyRecorded(Long officerId, int limit) {
        return list(SELECT + "where p.review_id is not null " + (officerId == null ? "" : "and r.reviewing_officer_id = ? ")
                + "order by p.updated_at desc limit " + limit, ps -> {
            if (officerId != null) {
                ps.setLong(1, officerId);
            }
        });
    }

    List<Review> ofChild(long childId) {
        return list(SELECT + "where c.id = ? order by r.review_date", ps -> ps.setLong(1, childId));
    }

    /** True when no earlier review of the same type exists for the child. */
    boolean isFirstOfType(Review review) {
        return jdbc.prepareStatement("select not exists (select 1 from review where child_id = ? and review_type = ? and review_date < ?)", ps -> {
            ps.setLong(1, review.child().id());
            ps.setString(2, review.type().name());
            ps.setDate(3, Date.valueOf(review.date()));
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getBoolean(1);
            }
        });
    }

    List<ParticipationChange> history(long reviewId) {
        return jdbc.prepareStatement("select h.changed_at, s.display_name, h.source, h.old_pn_code, h.new_pn_code, "
                + "h.old_advocate, h.new_advocate, array_to_string(h.old_views_reached_by, ', ') as old_views, "
                + "array_to_string(h.new_views_reached_by, ', ') as new_views "
                + "from review_participation_change h left join staff_account s on s.id = h.changed_by "
                + "where h.review_id = ? order by h.changed_at desc, h.id desc", ps -> {
            ps.setLong(1, reviewId);
            List<ParticipationChange> changes = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    changes.add(new ParticipationChange(rs.getTimestamp(1).toInstant(), rs.getString(2), rs.getString(3),
                            rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9)));
                }
            }
            return changes;
        });
    }

    Optional<Child> findChild(String caseReference) {
        return jdbc.prepareStatement("select id, case_reference, first_name, date_of_birth from child where upper(case_reference) = upper(?)", ps -> {
            ps.setString(1, caseReference);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(new Child(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getDate(4).toLocalDate()))
                        : Optional.empty();
            }
        });
    }

    long insertChild(String caseReference, String firstName, LocalDate dateOfBirth) {
        return jdbc.prepareStatement("insert into child (case_reference, first_name, date_of_birth) values (?, ?, ?) returning id", ps -> {
            ps.setString(1, caseReference);
            ps.setString(2, firstName);
            ps.setDate(3, Date.valueOf(dateOfBirth));
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }

    void setFirstNameIfMissing(long childId, String firstName) {
        jdbc.prepareStatement("update child set first_name = ? where id = ? and first_name is null", ps -> {
            ps.setString(1, firstName);
            ps.setLong(2, childId);
            return ps.executeUpdate();
        });
    }

    /** Inserts a review, or finds the existing one (the same child, type and date is the same review). */
    long insertReview(long childId, ReviewType type, LocalDate date, Long officerId) {
        return jdbc.prepareStatement("insert into review (child_id, review_type, review_date, reviewing_officer_id) values (?, ?, ?, ?) "
                + "on conflict (child_id, review_type, review_date) do update set reviewing_officer_id = "
                + "coalesce(review.reviewing_officer_id, excluded.reviewing_officer_id) returning id", ps -> {
            ps.setLong(1, childId);
            ps.setString(2, type.name());
            ps.setDate(3, Date.valueOf(date));
            if (officerId == null) {
                ps.setNull(4, Types.BIGINT);
            } else {
                ps.setLong(4, officerId);
            }
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }

    /** The participation as stored now, locked for the rest of the transaction (two officers saving at once). */
    Optional<ParticipationRow> participationForUpdate(long reviewId) {
        return jdbc.prepareStatement("select pn_code, advocate, views_reached_by from review_participation where review_id = ? for update", ps -> {
            ps.setLong(1, reviewId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(new ParticipationRow(reviewId, rs.getString(1), rs.getString(2), views(rs.getArray(3))))
                        : Optional.empty();
            }
        });
    }

    /** A participation record as stored: codes as text, the way the database and the SSDA903 file hold them. */
    record ParticipationRow(long reviewId, String code, String advocate, Set<ViewsReachedBy> views) {
    }

    void saveParticipation(ParticipationRow row, Long staffId, Optional<ParticipationRow> before, String source) {
        jdbc.prepareStatement("insert into review_participation (review_id, pn_code, advocate, views_reached_by, recorded_by, updated_by) "
                + "values (?, ?, ?, ?, ?, ?) on conflict (review_id) do update set pn_code = excluded.pn_code, "
                + "advocate = excluded.advocate, views_reached_by = excluded.views_reached_by, "
                + "updated_by = excluded.updated_by, updated_at = now()", ps -> {
            ps.setLong(1, row.reviewId());
            ps.setString(2, row.code());
            ps.setString(3, row.advocate());
            ps.setArray(4, ps.getConnection().createArrayOf("text", names(row.views())));
            setStaff(ps, 5, staffId);
            setStaff(ps, 6, staffId);
            return ps.executeUpdate();
        });
        jdbc.prepareStatement("insert into review_participation_change (review_id, changed_by, source, old_pn_code, new_pn_code, "
                + "old_advocate, new_advocate, old_views_reached_by, new_views_reached_by) values (?, ?, ?, ?, ?, ?, ?, ?, ?)", ps -> {
            ps.setLong(1, row.reviewId());
            setStaff(ps, 2, staffId);
            ps.setString(3, source);
            ps.setString(4, before.map(ParticipationRow::code).orElse(null));
            ps.setString(5, row.code());
            ps.setString(6, before.map(ParticipationRow::advocate).orElse(null));
            ps.setString(7, row.advocate());
            ps.setArray(8, before.isEmpty() ? null : ps.getConnection().createArrayOf("text", names(before.get().views())));
            ps.setArray(9, ps.getConnection().createArrayOf("text", names(row.views())));
            return ps.executeUpdate();
        });
    }

    private static void setStaff(PreparedStatement ps, int index, Long staffId) throws SQLException {
        if (staffId == null) {
            ps.setNull(index, Types.BIGINT);
        } else {
            ps.setLong(index, staffId);
        }
    }

    static String[] names(Set<ViewsReachedBy> views) {
        return views.stream().sorted().map(Enum::name).toArray(String[]::new);
    }

    static Set<ViewsReachedBy> views(Array array) throws SQLException {
        Set<ViewsReachedBy> views = EnumSet.noneOf(ViewsReachedBy.class);
        if (array != null) {
            for (Object value : (Object[]) array.getArray()) {
                views.add(ViewsReachedBy.valueOf((String) value));
            }
        }
        return views;
    }

    private interface Binder {
        void bind(PreparedStatement ps) throws SQLException;
    }

    private List<Review> list(String sql, Binder binder) {
        return jdbc.prepareStatement(sql, ps -> {
            binder.bind(ps);
            List<Review> reviews = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    reviews.add(map(rs));
                }
            }
            return reviews;
        });
    }

    static Review map(ResultSet rs) throws SQLException {
        Child child = new Child(rs.getLong("child_id"), rs.getString("case_reference"), rs.getString("first_name"),
                rs.getDate("date_of_birth").toLocalDate());
        ReviewParticipation participation = null;
        String code = rs.getString("pn_code");
        if (code != null) {
            Timestamp recordedAt = rs.getTimestamp("recorded_at");
            Timestamp updatedAt = rs.getTimestamp("updated_at");
            participation = new ReviewParticipation(ParticipationMethod.valueOf(code), Advocate.valueOf(rs.getString("advocate")),
                    views(rs.getArray("views_reached_by")), rs.getString("recorded_by_name"),
                    recordedAt == null ? null : recordedAt.toInstant(), rs.getString("updated_by_name"),
                    updatedAt == null ? null : updatedAt.toInstant());
        }
        Number officer = (Number) rs.getObject("reviewing_officer_id");
        return new Review(rs.getLong("id"), child, ReviewType.valueOf(rs.getString("review_type")),
                rs.getDate("review_date").toLocalDate(), officer == null ? null : officer.longValue(),
                rs.getString("officer_name"), participation);
    }
}
