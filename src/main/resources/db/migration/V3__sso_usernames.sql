-- Single sign-on matches staff by the name they sign in with at their organisation, which for
-- Microsoft Entra ID is an address such as jo.bloggs@trust.org: usernames may now hold '@' and be
-- up to 128 characters. Still lower case only; the unique index on lower(username) is unchanged.
alter table staff_account drop constraint staff_account_username_format;
alter table staff_account add constraint staff_account_username_format
    check (username ~ '^[a-z0-9._@-]{2,128}$');
