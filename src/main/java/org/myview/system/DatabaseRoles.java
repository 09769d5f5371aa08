package org.myview.system;

import java.util.List;

/**
 * The two database roles (issue 22, item 3; docs/runbook.md, "Database roles"). The owner owns the schema and
 * runs the migrations; the service connects as a role with data rights only, so it can neither disable the audit
 * trigger nor change the audit trail (V111), nor create or alter tables. The embedded default and the tests set
 * them up with these statements; the runbook gives a DBA the same ones for an external PostgreSQL.
 */
public final class DatabaseRoles {

    /** Owns the schema and every table; Flyway connects as it. */
    public static final String OWNER = "myview_owner";
    /** The service's own role: rows, not tables. */
    public static final String SERVICE = "myview_app";

    private DatabaseRoles() {
    }

    /**
     * Run in the service's database by the owner or a superuser: every table and sequence a migration creates,
     * now or later, is the service's to read and write (V111 then takes back the audit trail's UPDATE and DELETE).
     */
    public static List<String> defaultPrivileges(String owner, String service) {
        return List.of(
                "alter default privileges for role " + owner + " in schema public "
                        + "grant select, insert, update, delete on tables to " + service,
                "alter default privileges for role " + owner + " in schema public "
                        + "grant usage, select on sequences to " + service);
    }
}
