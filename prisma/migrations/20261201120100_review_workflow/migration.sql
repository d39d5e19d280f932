-- Issue 9, review workflow: evidence can go back to its author (CHANGES_REQUESTED) and be withdrawn by them
-- (WITHDRAWN); the installation's settings (the four-eyes rule) live in one row an admin changes.
-- (The new enum values are only added here, never used, so this runs inside the migration's transaction.)
ALTER TYPE "ReviewState" ADD VALUE 'CHANGES_REQUESTED';
ALTER TYPE "ReviewState" ADD VALUE 'WITHDRAWN';

-- No row is written here: until an admin first saves the settings, the defaults apply (and a restore into
-- a freshly migrated database finds the table empty, as it expects of every table but PublicDataVersion).
CREATE TABLE "InstallationSettings" (
    "id" INTEGER NOT NULL DEFAULT 1,
    "fourEyes" BOOLEAN NOT NULL DEFAULT true,
    "version" INTEGER NOT NULL DEFAULT 1,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "InstallationSettings_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "InstallationSettings_single_row" CHECK ("id" = 1)
);

-- The app role (docs/decisions/010-database-roles.md) reads the row, writes it on the first save and
-- updates it; it never deletes it (the default privileges of migration 20261201110000_app_role would allow
-- that).
GRANT SELECT, INSERT, UPDATE ON "InstallationSettings" TO uade_app;
REVOKE DELETE, TRUNCATE ON "InstallationSettings" FROM uade_app;
