-- The app's role (docs/decisions/010-database-roles.md)
-- Written by hand; invisible to Prisma's schema diff (it ignores roles and grants). The server connects as a
-- LOGIN role that is a member of `uade_app`, which may read and write rows but owns nothing: it cannot ALTER,
-- DROP or TRUNCATE a table, nor disable the append-only triggers (all of which need ownership or the TRUNCATE
-- privilege). Migrations, the seed and backups run as the owner. Roles are cluster-wide and hold no password
-- here: the login role and its password are made by the start path (app/db/tooling/app-role.server.ts) or by
-- the operator.
DO $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'uade_app') THEN
        CREATE ROLE uade_app NOLOGIN;
    END IF;
EXCEPTION
    -- Another database on the same server migrating at the same moment created it first.
    WHEN duplicate_object OR unique_violation THEN NULL;
END
$$;

-- PostgreSQL 15 and later already give PUBLIC no CREATE on the public schema; older servers, or a database
-- made from an edited template, may.
REVOKE CREATE ON SCHEMA public FROM PUBLIC;
GRANT USAGE ON SCHEMA public TO uade_app;

GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO uade_app;
GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO uade_app;
-- Tables and sequences that later migrations create (as the same owner) get the same grants.
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO uade_app;
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO uade_app;

-- The migration runner's bookkeeping: readable (/readyz compares it with the build), never writable. (Absent
-- only from the shadow database in which Prisma's schema engine replays migrations.)
DO $$
BEGIN
    IF to_regclass('"_prisma_migrations"') IS NOT NULL THEN
        REVOKE INSERT, UPDATE, DELETE ON "_prisma_migrations" FROM uade_app;
    END IF;
END
$$;
