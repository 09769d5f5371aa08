package org.myview.staff;

/** What a member of staff may do. Children and parents never have accounts. */
public enum Role {
    /** Accounts, roles and the audit trail. */
    ADMIN,
    /** Independent reviewing officers and child protection chairs: their own reviews and those children. */
    REVIEWING_OFFICER,
    /** The Reviewing Service Manager: every review, every dashboard, exports. */
    SERVICE_MANAGER,
    /** Forum content, parent feedback rounds, consented quotes. */
    PARTICIPATION_LEAD,
    /** Facilitators of Reach Out!: the anonymised forum view only. */
    FORUM,
    /** The duty team: every open talk-now concern (a child who asked to talk to someone now), and recording contacts. */
    DUTY;

    /** Role names as {@code @Secured} and the security rules use them. */
    public static final String ADMIN_NAME = "ADMIN";
    public static final String REVIEWING_OFFICER_NAME = "REVIEWING_OFFICER";
    public static final String SERVICE_MANAGER_NAME = "SERVICE_MANAGER";
    public static final String PARTICIPATION_LEAD_NAME = "PARTICIPATION_LEAD";
    public static final String FORUM_NAME = "FORUM";
    public static final String DUTY_NAME = "DUTY";
}
