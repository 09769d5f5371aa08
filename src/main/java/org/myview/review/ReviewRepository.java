package org.myview.review;

import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.annotation.TypeDef;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.DataType;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Children, reviews and participation, in SQL. */
@JdbcRepository(dialect = Dialect.POSTGRES)
interface ReviewRepository extends GenericRepository<ReviewRepository.ReviewRow, Long> {

    String SELECT = """
            select r.id, r.review_type, r.review_date, r.reviewing_officer_id, o.display_name as officer_name,
              c.id as child_id, c.case_reference, c.first_name, c.date_of_birth,
              p.pn_code, p.advocate, p.views_reached_by, rb.display_name as recorded_by_name, p.recorded_at,
              ub.display_name as updated_by_name, p.updated_at
            from review r join child c on c.id = r.child_id
            left join staff_account o on o.id = r.reviewing_officer_id
            left join review_participation p on p.review_id = r.id
            left join staff_account rb on rb.id = p.recorded_by
            left join staff_account ub on ub.id = p.updated_by
            """;

    /** A review as {@link #SELECT} reads it: one flat row, made into a {@link Review}. */
    @Introspected
    record ReviewRow(long id, ReviewType reviewType, LocalDate reviewDate, @Nullable Long reviewingOfficerId,
                     @Nullable String officerName, long childId, String caseReference, @Nullable String firstName,
                     LocalDate dateOfBirth, @Nullable ParticipationMethod pnCode, @Nullable Advocate advocate,
                     @Nullable String[] viewsReachedBy, @Nullable String recordedByName, @Nullable Instant recordedAt,
                     @Nullable String updatedByName, @Nullable Instant updatedAt) {

        Review review() {
            ReviewParticipation participation = pnCode == null ? null : new ReviewParticipation(pnCode, advocate,
                    views(viewsReachedBy), recordedByName, recordedAt, updatedByName, updatedAt);
            return new Review(id, new Child(childId, caseReference, firstName, dateOfBirth), reviewType, reviewDate,
                    reviewingOfficerId, officerName, participation);
        }
    }

    /** A participation record as stored. */
    record ParticipationRow(long reviewId, ParticipationMethod code, Advocate advocate, Set<ViewsReachedBy> views) {
    }

    /** The stored columns of a participation record. */
    @Introspected
    record StoredParticipation(long reviewId, ParticipationMethod pnCode, Advocate advocate, @Nullable String[] viewsReachedBy) {
    }

    default Optional<Review> find(long reviewId) {
        return findRow(reviewId).map(ReviewRow::review);
    }

    @Query(SELECT + "where r.id = :reviewId")
    Optional<ReviewRow> findRow(long reviewId);

    default List<Review> ofChild(long childId) {
        return ofChildRows(childId).stream().map(ReviewRow::review).toList();
    }

    @Query(SELECT + "where c.id = :childId order by r.review_date")
    List<ReviewRow> ofChildRows(long childId);

    /** True when no earlier review of the same type exists for the child. */
    default boolean isFirstOfType(Review review) {
        return isFirstOfType(review.child().id(), review.type().name(), review.date());
    }

    @Query("select not exists (select 1 from review where child_id = :childId and review_type = :type and review_date < :date)")
    boolean isFirstOfType(long childId, String type, LocalDate date);

    @Query("""
            select h.changed_at, s.display_name as changed_by_name, h.source, h.old_pn_code as old_code, h.new_pn_code as new_code,
              h.old_advocate, h.new_advocate, array_to_string(h.old_views_reached_by, ', ') as old_views,
              array_to_string(h.new_views_reached_by, ', ') as new_views
            from review_participation_change h left join staff_account s on s.id = h.changed_by
            where h.review_id = :reviewId order by h.changed_at desc, h.id desc""")
    List<ParticipationChange> history(long reviewId);

    @Query("select id, case_reference, first_name, date_of_birth from child where upper(case_reference) = upper(:caseReference)")
    Optional<Child> findChild(String caseReference);

    @Query("""
            with inserted as (insert into child (case_reference, first_name, date_of_birth)
              values (:caseReference, :firstName, :dateOfBirth) returning id)
            select id from inserted""")
    long insertChild(String caseReference, @Nullable String firstName, LocalDate dateOfBirth);

    @Query("update child set first_name = :firstName where id = :childId and first_name is null")
    void setFirstNameIfMissing(long childId, String firstName);

    /** Inserts a review, or finds the existing one (the same child, type and date is the same review). */
    @Query("""
            with upserted as (insert into review (child_id, review_type, review_date, reviewing_officer_id)
              values (:childId, :type, :date, :officerId)
              on conflict (child_id, review_type, review_date)
              do update set reviewing_officer_id = coalesce(review.reviewing_officer_id, excluded.reviewing_officer_id)
              returning id)
            select id from upserted""")
    long insertReview(long childId, String type, LocalDate date, @Nullable Long officerId);

    /** The participation as stored now, locked for the rest of the transaction (two officers saving at once). */
    default Optional<ParticipationRow> participationForUpdate(long reviewId) {
        return storedForUpdate(reviewId).map(s -> new ParticipationRow(s.reviewId(), s.pnCode(), s.advocate(), views(s.viewsReachedBy())));
    }

    @Query("select review_id, pn_code, advocate, views_reached_by from review_participation where review_id = :reviewId for update")
    Optional<StoredParticipation> storedForUpdate(long reviewId);

    default void saveParticipation(ParticipationRow row, @Nullable Long staffId, Optional<ParticipationRow> before, String source) {
        upsertParticipation(row.reviewId(), row.code().name(), row.advocate().name(), names(row.views()), staffId);
        insertChange(row.reviewId(), staffId, source, before.map(b -> b.code().name()).orElse(null), row.code().name(),
                before.map(b -> b.advocate().name()).orElse(null), row.advocate().name(),
                before.map(b -> names(b.views())).orElse(null), names(row.views()));
    }

    @Query("""
            insert into review_participation (review_id, pn_code, advocate, views_reached_by, recorded_by, updated_by)
            values (:reviewId, :code, :advocate, :views, :staffId, :staffId)
            on conflict (review_id) do update set pn_code = excluded.pn_code, advocate = excluded.advocate,
              views_reached_by = excluded.views_reached_by, updated_by = excluded.updated_by, updated_at = now()""")
    void upsertParticipation(long reviewId, String code, String advocate, @TypeDef(type = DataType.STRING_ARRAY) String[] views,
                             @Nullable Long staffId);

    @Query("""
            insert into review_participation_change (review_id, changed_by, source, old_pn_code, new_pn_code,
              old_advocate, new_advocate, old_views_reached_by, new_views_reached_by)
            values (:reviewId, :staffId, :source, :oldCode, :newCode, :oldAdvocate, :newAdvocate, :oldViews, :newViews)""")
    void insertChange(long reviewId, @Nullable Long staffId, String source, @Nullable String oldCode, String newCode,
                      @Nullable String oldAdvocate, String newAdvocate,
                      @Nullable @TypeDef(type = DataType.STRING_ARRAY) String[] oldViews,
                      @TypeDef(type = DataType.STRING_ARRAY) String[] newViews);

    static String[] names(Set<ViewsReachedBy> views) {
        return views.stream().sorted().map(Enum::name).toArray(String[]::new);
    }

    static Set<ViewsReachedBy> views(String[] names) {
        Set<ViewsReachedBy> views = EnumSet.noneOf(ViewsReachedBy.class);
        if (names != null) {
            for (String name : names) {
                views.add(ViewsReachedBy.valueOf(name));
            }
        }
        return views;
    }
}
