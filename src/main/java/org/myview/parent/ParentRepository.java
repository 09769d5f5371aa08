package org.myview.parent;

import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * Parent plans, their children and parents, and the rounds. Called by this package's services, inside their
 * transactions. Lists of case references travel as one text joined by the unit separator (chr(31), which
 * nobody can type: free text drops control characters), so text[] columns need no custom type.
 */
@JdbcRepository(dialect = Dialect.POSTGRES)
interface ParentRepository extends GenericRepository<ParentRepository.Contact, Long> {

    /** Joins and splits lists that travel as one text. */
    String SEPARATOR = "\u001f";

    record Plan(long id, String reference, PlanType type, LocalDate start, LocalDate end, List<String> children, int contacts,
                boolean askedInPreviousRound) {
    }

    @Introspected
    record PlanRow(long id, String reference, PlanType type, LocalDate start, @Nullable LocalDate end, @Nullable String children,
                   int contacts, boolean askedBefore) {

        Plan plan() {
            return new Plan(id, reference, type, start, end, split(children), contacts, askedBefore);
        }
    }

    @Introspected
    record Contact(long id, long planId, @Nullable String greetingName, @Nullable String email, @Nullable String mobile,
                   @Nullable String language) {
    }

    @Introspected
    record Round(long id, int number, LocalDate startedOn) {
    }

    static List<String> split(String joined) {
        return joined == null || joined.isEmpty() ? List.of() : List.of(joined.split(SEPARATOR));
    }

    String PLAN = """
            select p.id, p.plan_reference as reference, p.plan_type as type, p.start_date as start, p.end_date as "end",
                   (select string_agg(c.case_reference, chr(31) order by c.case_reference) from parent_plan_child c where c.plan_id = p.id) as children,
                   (select count(*) from parent_contact k where k.plan_id = p.id and k.erased_at is null) as contacts,
            """;

    // Plans and contacts

    @Query("select id from parent_plan where upper(plan_reference) = upper(:reference) for update")
    Optional<Long> planIdByReference(String reference);

    /** {@code now} is when the council confirmed the plan: the open-plan retention counts from it. */
    default long insertPlan(String reference, PlanType type, LocalDate start, @Nullable LocalDate end, Instant now) {
        return insertPlanRow(reference, type.name(), start, end, now);
    }

    @Query("""
            insert into parent_plan (plan_reference, plan_type, start_date, end_date, created_at, confirmed_at)
            values (:reference, :type, :start, :end, :now, :now) returning id""")
    Long insertPlanRow(String reference, String type, LocalDate start, @Nullable LocalDate end, Instant now);

    /** Entered or imported again: confirmed as of {@code now}. */
    default void updatePlan(long id, PlanType type, LocalDate start, @Nullable LocalDate end, Instant now) {
        updatePlanRow(id, type.name(), start, end, now);
    }

    @Query("update parent_plan set plan_type = :type, start_date = :start, end_date = :end, confirmed_at = :now where id = :id")
    int updatePlanRow(long id, String type, LocalDate start, @Nullable LocalDate end, Instant now);

    /** A plan's dates and type, to tell whether an extract changes it. */
    @Introspected
    record PlanFields(String planType, LocalDate startDate, @Nullable LocalDate endDate) {
    }

    @Query("select plan_type, start_date, end_date from parent_plan where id = :id")
    Optional<PlanFields> planFields(long id);

    default void addChildren(long planId, List<String> caseReferences) {
        caseReferences.forEach(reference -> addChild(planId, reference));
    }

    @Query("insert into parent_plan_child (plan_id, case_reference) values (:planId, :caseReference) on conflict do nothing")
    int addChild(long planId, String caseReference);

    /** Adds the parent unless the plan already has one with this email or mobile. 1 when added. */
    @Query("""
            insert into parent_contact (plan_id, greeting_name, email, mobile, language)
            select :planId, :name, :email, :mobile, :language
            where not exists (select 1 from parent_contact where plan_id = :planId and erased_at is null
                              and (lower(email) = lower(:email) or mobile = :mobile))""")
    int addContact(long planId, @Nullable String name, @Nullable String email, @Nullable String mobile, @Nullable String language);

    default List<Plan> plans(int limit) {
        return planRows(limit).stream().map(PlanRow::plan).toList();
    }

    @Query(PLAN + " false as asked_before from parent_plan p order by p.start_date desc, p.id desc limit :limit")
    List<PlanRow> planRows(int limit);

    /** Open plans that started since {@code startedSince}, with a parent still to contact and not asked in this round. */
    default List<Plan> candidates(LocalDate day, LocalDate startedSince, @Nullable Long roundId, @Nullable Long previousRoundId) {
        return candidateRows(day, startedSince, roundId == null ? -1L : roundId, previousRoundId == null ? -1L : previousRoundId)
                .stream().map(PlanRow::plan).toList();
    }

    @Query(PLAN + """
             exists (select 1 from parent_invitation i where i.plan_id = p.id and i.round_id = :previousRoundId and i.kind = 'FIRST') as asked_before
            from parent_plan p where (p.end_date is null or p.end_date >= :day) and p.start_date <= :day
            and (p.start_date >= :startedSince
                 or exists (select 1 from parent_invitation i where i.plan_id = p.id and i.round_id = :previousRoundId and i.kind = 'FIRST'))
            and exists (select 1 from parent_contact k where k.plan_id = p.id and k.erased_at is null)
            and not exists (select 1 from parent_invitation i where i.plan_id = p.id and i.round_id = :roundId and i.kind = 'FIRST')
            order by p.start_date, p.id""")
    List<PlanRow> candidateRows(LocalDate day, LocalDate startedSince, long roundId, long previousRoundId);

    @Query("""
            select id, plan_id, greeting_name, email, mobile, language from parent_contact
            where plan_id = :planId and erased_at is null order by id""")
    List<Contact> contactsOf(long planId);

    @Query("select id, plan_id, greeting_name, email, mobile, language from parent_contact where id = :id and erased_at is null")
    Optional<Contact> contact(long id);

    // Rounds

    /** The latest round, locked: starting or repeating a round happens on one instance at a time. */
    @Query("select id, round_number as number, started_on from parent_round order by round_number desc limit 1 for update")
    Optional<Round> latestRoundForUpdate();

    @Query("select id, round_number as number, started_on from parent_round order by round_number desc limit 1")
    Optional<Round> latestRound();

    @Query("select id, round_number as number, started_on from parent_round order by round_number")
    List<Round> rounds();

    /** Serialises round starts across instances (the first round has no row to lock yet). */
    @Query("select 1 from (select pg_advisory_xact_lock(7100021)) as locked")
    Integer lockRounds();

    @Query("""
            insert into parent_round (round_number, started_on, started_at, started_by) values (:number, :startedOn, :now, :staffId)
            returning id""")
    Long insertRound(int number, LocalDate startedOn, Instant now, @Nullable Long staffId);

    // Retention

    /**
     * Erases names, emails and mobiles of plans that ended on or before {@code endedOnOrBefore}, and of plans with
     * no end date last confirmed before {@code openConfirmedBefore}. Only those. Set-based statements: instances
     * running this at once wait on each other's row locks, then find the rows erased, so each is counted once.
     */
    default Erased eraseExpiredContacts(LocalDate endedOnOrBefore, Instant openConfirmedBefore, Instant now) {
        int ended = eraseContacts(endedOnOrBefore, now);
        int open = eraseContactsOfOpenPlans(openConfirmedBefore, now);
        // Unsent drafts of erased parents go too: they could only be finished through a link nobody should use now.
        int drafts = eraseDraftsOfErasedContacts(now);
        return new Erased(ended, open, drafts);
    }

    /** Parents erased because their plan ended, because their open plan was not confirmed, and unsent drafts erased. */
    record Erased(int ofEndedPlans, int ofOpenPlans, int drafts) {

        int contacts() {
            return ofEndedPlans + ofOpenPlans;
        }
    }

    @Query("""
            update parent_contact k set greeting_name = null, email = null, mobile = null, erased_at = :now
            from parent_plan p where p.id = k.plan_id and k.erased_at is null and p.end_date is null
              and p.confirmed_at < :confirmedBefore""")
    int eraseContactsOfOpenPlans(Instant confirmedBefore, Instant now);

    @Query("""
            update parent_contact k set greeting_name = null, email = null, mobile = null, erased_at = :now
            from parent_plan p where p.id = k.plan_id and k.erased_at is null and p.end_date is not null and p.end_date <= :endedOnOrBefore""")
    int eraseContacts(LocalDate endedOnOrBefore, Instant now);

    @Query("""
            update parent_invitation i set draft = '{}', expires_at = least(expires_at, :now) from parent_contact k
            where k.id = i.contact_id and k.erased_at is not null and i.submitted_at is null and i.draft <> cast('{}' as jsonb)""")
    int eraseDraftsOfErasedContacts(Instant now);
}
