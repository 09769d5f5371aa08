package org.myview.staff;

/** What the audit trail records. Features add to this list when they add an audited action. */
public enum AuditAction {
    SIGN_IN,
    SIGN_OUT,
    SIGN_IN_FAILED,
    ACCOUNT_LOCKED,
    ACCOUNT_CREATED,
    ACCOUNT_ROLES_CHANGED,
    ACCOUNT_DISABLED,
    ACCOUNT_ENABLED,
    SET_PASSWORD_LINK_CREATED,
    PASSWORD_SET,
    AUDIT_SEARCHED,
    PARTICIPATION_RECORDED,
    PARTICIPATION_CHANGED,
    REVIEWS_IMPORTED,
    REVIEWS_EXPORTED,
    CONSULTATION_LINK_CREATED,
    CONSULTATION_ANSWERS_VIEWED,
    CONSULTATION_CONCERN_SEEN,
    CONSULTATION_LINK_SENT,
    DASHBOARD_EXPORTED,
    PARENT_PLANS_IMPORTED,
    PARENT_ROUND_STARTED,
    PARENT_RESULTS_EXPORTED,
    FORUM_EXPORTED,
    FORUM_ACTION_RECORDED,
    FORUM_QUOTE_MODERATED,
    /** A child's form asked for an advocate with consent to pass it on: a referral was raised (advocacy/). */
    ADVOCACY_REFERRAL_RAISED,
    ADVOCACY_REFERRALS_LISTED,
    ADVOCACY_REFERRAL_VIEWED,
    ADVOCACY_REFERRAL_UPDATED,
    ADVOCACY_MONTH_ENTERED,
    /** A "Were you listened to?" follow-up link was made or sent (listened/). */
    LISTENED_LINK_CREATED,
    LISTENED_LINK_SENT,
    LISTENED_RESULTS_VIEWED,
    CHILD_ASSIGNED,
    CONSULTATION_CONCERN_RAISED,
    CONSULTATION_CONCERN_ESCALATED,
    CONSULTATION_CONCERNS_LISTED,
    CONSULTATION_CONCERN_VIEWED,
    CONSULTATION_CONCERN_CONTACT_RECORDED,
    /** A retention job erased personal data: which table and field, and how many rows (never what they held). */
    RETENTION_ERASED,
    API_TOKEN_CREATED,
    API_TOKEN_REVOKED,
    API_TOKEN_USED,
    API_TOKEN_REFUSED,
    /** A case-system extract was imported (extract/): its counts, never its rows. */
    EXTRACT_IMPORTED,
    /** A child's views reached their review another way (a paper booklet, ...): recorded or removed (received/). */
    VIEWS_RECEIVED_RECORDED,
    VIEWS_RECEIVED_REMOVED,
    /** The child's own officer downloaded the child's sent form as a PDF for the case file. */
    CONSULTATION_CASE_FILE_DOWNLOADED
}
