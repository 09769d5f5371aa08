-- Least privilege (issue 22, item 3; docs/runbook.md, "Database roles"). Migrations run as the owner of the
-- schema; the service connects as a role that default privileges give SELECT, INSERT, UPDATE and DELETE on
-- every table a migration creates. The audit trail is the exception: the service may add to it and read it,
-- never change or empty it. The migration history it may read (an instance started without the owner's
-- connection then starts while the schema is up to date), never write.
-- Role names belong to the deployment, so this takes the rights back from every role but the owner.
do $$
declare
    grantee_name text;
begin
    for grantee_name in
        select distinct case when a.grantee = 0 then 'public' else quote_ident(r.rolname) end
        from pg_class c
        cross join lateral aclexplode(c.relacl) a
        left join pg_roles r on r.oid = a.grantee
        where c.oid = 'audit_event'::regclass
          and a.grantee <> c.relowner
          and a.privilege_type not in ('SELECT', 'INSERT')
    loop
        execute format('revoke update, delete, truncate, references, trigger on audit_event from %s', grantee_name);
    end loop;

    if to_regclass('flyway_schema_history') is not null then
        for grantee_name in
            select distinct case when a.grantee = 0 then 'public' else quote_ident(r.rolname) end
            from pg_class c
            cross join lateral aclexplode(c.relacl) a
            left join pg_roles r on r.oid = a.grantee
            where c.oid = to_regclass('flyway_schema_history')
              and a.grantee <> c.relowner
              and a.privilege_type <> 'SELECT'
        loop
            execute format('revoke insert, update, delete, truncate, references, trigger on flyway_schema_history from %s',
                           grantee_name);
        end loop;
    end if;
end
$$;
