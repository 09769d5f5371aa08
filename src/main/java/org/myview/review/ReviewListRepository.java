package org.myview.review;

import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

/**
 * The officers' review lists with each child's My Review My View status: one query per list, filtered and
 * sorted in SQL, reading the {@code consultation_review_status} view (V140, owned by consultation/) and
 * {@code views_received} (V182, received/'s: views that came another way, shared read model).
 * {@code officerId} null means every officer (the manager); {@code form} '' means any status;
 * {@code sort} 'form' sorts by status (asked to talk first, then no link, ..., sent), anything else by date.
 */
@JdbcRepository(dialect = Dialect.POSTGRES)
interface ReviewListRepository extends GenericRepository<ReviewListRepository.ListRow, Long> {

    String SELECT = """
            select r.id, r.review_type, r.review_date, r.reviewing_officer_id, o.display_name as officer_name,
              c.id as child_id, c.case_reference, c.first_name, c.date_of_birth,
              p.pn_code, p.advocate, p.views_reached_by, rb.display_name as recorded_by_name, p.recorded_at,
              ub.display_name as updated_by_name, p.updated_at,
              st.state, st.link_channels, st.link_created_at, st.link_sent_at, st.opened_at, st.definition_id,
              st.answered, st.sent_at, st.open_concerns, vr.channel as received_channel, vr.received_on
            from review r join child c on c.id = r.child_id
            join consultation_review_status st on st.review_id = r.id
            left join views_received vr on vr.review_id = r.id
            left join staff_account o on o.id = r.reviewing_officer_id
            left join review_participation p on p.review_id = r.id
            left join staff_account rb on rb.id = p.recorded_by
            left join staff_account ub on ub.id = p.updated_by
            """;

    /** Whose reviews, and the form filter ({@code :soon} is today plus the prompt days). */
    String FILTER = """
             and (cast(:officerId as bigint) is null or r.reviewing_officer_id = :officerId)
             and (:form = ''
                  or (:form = 'TALK' and st.open_concerns > 0)
                  or (:form = 'NO_LINK_SOON' and st.state = 'NO_LINK' and vr.review_id is null and r.review_date >= :today and r.review_date <= :soon)
                  or (:form = 'RECEIVED' and vr.review_id is not null)
                  or (:form = 'SENT_NOT_READ' and st.state = 'SENT' and st.first_read_at is null)
                  or st.state = :form)
            """;

    /** First key of the form-status sort; 0 for every row when sorting by date. */
    String STATUS_ORDER = """
            case when :sort <> 'form' then 0 when st.open_concerns > 0 then 0 when vr.review_id is not null then 5 when st.state = 'NO_LINK' then 1
                 when st.state = 'LINK' then 2 when st.state = 'OPENED' then 3 when st.state = 'STARTED' then 4 else 5 end
            """;

    /** A review and its form status as the list query reads them: one flat row. */
    @Introspected
    record ListRow(long id, ReviewType reviewType, LocalDate reviewDate, @Nullable Long reviewingOfficerId,
                   @Nullable String officerName, long childId, String caseReference, @Nullable String firstName,
                   LocalDate dateOfBirth, @Nullable ParticipationMethod pnCode, @Nullable Advocate advocate,
                   @Nullable String[] viewsReachedBy, @Nullable String recordedByName, @Nullable Instant recordedAt,
                   @Nullable String updatedByName, @Nullable Instant updatedAt,
                   String state, @Nullable String linkChannels, @Nullable Instant linkCreatedAt, @Nullable Instant linkSentAt,
                   @Nullable Instant openedAt, @Nullable String definitionId, int answered, @Nullable Instant sentAt, int openConcerns,
                   @Nullable String receivedChannel, @Nullable LocalDate receivedOn) {

        ListedReview listed(FormLengths lengths) {
            Review review = new ReviewRepository.ReviewRow(id, reviewType, reviewDate, reviewingOfficerId, officerName, childId,
                    caseReference, firstName, dateOfBirth, pnCode, advocate, viewsReachedBy, recordedByName, recordedAt,
                    updatedByName, updatedAt).review();
            List<String> channels = linkChannels == null ? List.of() : Arrays.asList(linkChannels.split(","));
            FormStatus status = new FormStatus(FormStatus.State.valueOf(state), channels,
                    FormStatus.day(linkSentAt != null ? linkSentAt : linkCreatedAt), FormStatus.day(openedAt), answered,
                    definitionId == null ? 0 : lengths.questions(definitionId), FormStatus.day(sentAt), openConcerns > 0,
                    receivedChannel, receivedOn);
            return new ListedReview(review, status);
        }
    }

    @Query(SELECT + "where p.review_id is null and r.review_date <= :today" + FILTER
            + "order by " + STATUS_ORDER + ", r.review_date, r.id")
    List<ListRow> heldNotRecorded(@Nullable Long officerId, LocalDate today, LocalDate soon, String form, String sort);

    @Query(SELECT + "where r.review_date > :today" + FILTER + "order by " + STATUS_ORDER + ", r.review_date, r.id limit :limit")
    List<ListRow> upcoming(@Nullable Long officerId, LocalDate today, LocalDate soon, String form, String sort, int limit);

    @Query(SELECT + "where p.review_id is not null" + FILTER
            + "order by " + STATUS_ORDER + ", p.updated_at desc, r.id limit :limit")
    List<ListRow> recentlyRecorded(@Nullable Long officerId, LocalDate today, LocalDate soon, String form, String sort, int limit);
}
