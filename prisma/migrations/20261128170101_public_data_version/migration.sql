-- CreateTable
CREATE TABLE "PublicDataVersion" (
    "id" INTEGER NOT NULL DEFAULT 1,
    "version" BIGINT NOT NULL DEFAULT 0,
    "changedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PublicDataVersion_pkey" PRIMARY KEY ("id")
);

-- The public data version
-- Written by hand; invisible to Prisma's schema diff (it ignores functions and triggers). Every
-- transaction that inserts, updates or deletes rows that public pages show moves the version on once, at
-- commit (deferred constraint triggers): a reader sees the new version exactly when it can see the new
-- data, and the one row is locked only while committing, so no two writers can deadlock on it. Scripts,
-- the seed and a psql session move it too, not only the app.
INSERT INTO "PublicDataVersion" ("id", "version") VALUES (1, 1);

CREATE FUNCTION uade_bump_public_data_version() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    -- Once per transaction, however many rows it changed.
    IF current_setting('uade.public_data_changed', true) IS DISTINCT FROM 'yes' THEN
        PERFORM set_config('uade.public_data_changed', 'yes', true);
        INSERT INTO "PublicDataVersion" ("id", "version", "changedAt") VALUES (1, 1, clock_timestamp())
        ON CONFLICT ("id") DO UPDATE
            SET "version" = "PublicDataVersion"."version" + 1, "changedAt" = excluded."changedAt";
    END IF;
    RETURN NULL;
END;
$$;

CREATE CONSTRAINT TRIGGER "Politician_public_data_version" AFTER INSERT OR UPDATE OR DELETE ON "Politician"
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION uade_bump_public_data_version();
CREATE TRIGGER "Politician_public_data_version_truncate" AFTER TRUNCATE ON "Politician"
    FOR EACH STATEMENT EXECUTE FUNCTION uade_bump_public_data_version();

CREATE CONSTRAINT TRIGGER "Platform_public_data_version" AFTER INSERT OR UPDATE OR DELETE ON "Platform"
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION uade_bump_public_data_version();
CREATE TRIGGER "Platform_public_data_version_truncate" AFTER TRUNCATE ON "Platform"
    FOR EACH STATEMENT EXECUTE FUNCTION uade_bump_public_data_version();

CREATE CONSTRAINT TRIGGER "Category_public_data_version" AFTER INSERT OR UPDATE OR DELETE ON "Category"
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION uade_bump_public_data_version();
CREATE TRIGGER "Category_public_data_version_truncate" AFTER TRUNCATE ON "Category"
    FOR EACH STATEMENT EXECUTE FUNCTION uade_bump_public_data_version();

CREATE CONSTRAINT TRIGGER "CategoryTranslation_public_data_version" AFTER INSERT OR UPDATE OR DELETE ON "CategoryTranslation"
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION uade_bump_public_data_version();
CREATE TRIGGER "CategoryTranslation_public_data_version_truncate" AFTER TRUNCATE ON "CategoryTranslation"
    FOR EACH STATEMENT EXECUTE FUNCTION uade_bump_public_data_version();

CREATE CONSTRAINT TRIGGER "Pledge_public_data_version" AFTER INSERT OR UPDATE OR DELETE ON "Pledge"
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION uade_bump_public_data_version();
CREATE TRIGGER "Pledge_public_data_version_truncate" AFTER TRUNCATE ON "Pledge"
    FOR EACH STATEMENT EXECUTE FUNCTION uade_bump_public_data_version();

CREATE CONSTRAINT TRIGGER "PledgeTranslation_public_data_version" AFTER INSERT OR UPDATE OR DELETE ON "PledgeTranslation"
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION uade_bump_public_data_version();
CREATE TRIGGER "PledgeTranslation_public_data_version_truncate" AFTER TRUNCATE ON "PledgeTranslation"
    FOR EACH STATEMENT EXECUTE FUNCTION uade_bump_public_data_version();

CREATE CONSTRAINT TRIGGER "Indicator_public_data_version" AFTER INSERT OR UPDATE OR DELETE ON "Indicator"
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION uade_bump_public_data_version();
CREATE TRIGGER "Indicator_public_data_version_truncate" AFTER TRUNCATE ON "Indicator"
    FOR EACH STATEMENT EXECUTE FUNCTION uade_bump_public_data_version();

CREATE CONSTRAINT TRIGGER "Measurement_public_data_version" AFTER INSERT OR UPDATE OR DELETE ON "Measurement"
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION uade_bump_public_data_version();
CREATE TRIGGER "Measurement_public_data_version_truncate" AFTER TRUNCATE ON "Measurement"
    FOR EACH STATEMENT EXECUTE FUNCTION uade_bump_public_data_version();

CREATE CONSTRAINT TRIGGER "MilestoneStep_public_data_version" AFTER INSERT OR UPDATE OR DELETE ON "MilestoneStep"
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION uade_bump_public_data_version();
CREATE TRIGGER "MilestoneStep_public_data_version_truncate" AFTER TRUNCATE ON "MilestoneStep"
    FOR EACH STATEMENT EXECUTE FUNCTION uade_bump_public_data_version();

CREATE CONSTRAINT TRIGGER "Evidence_public_data_version" AFTER INSERT OR UPDATE OR DELETE ON "Evidence"
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION uade_bump_public_data_version();
CREATE TRIGGER "Evidence_public_data_version_truncate" AFTER TRUNCATE ON "Evidence"
    FOR EACH STATEMENT EXECUTE FUNCTION uade_bump_public_data_version();

CREATE CONSTRAINT TRIGGER "StatusUpdate_public_data_version" AFTER INSERT OR UPDATE OR DELETE ON "StatusUpdate"
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION uade_bump_public_data_version();
CREATE TRIGGER "StatusUpdate_public_data_version_truncate" AFTER TRUNCATE ON "StatusUpdate"
    FOR EACH STATEMENT EXECUTE FUNCTION uade_bump_public_data_version();

CREATE CONSTRAINT TRIGGER "StatusUpdateEvidence_public_data_version" AFTER INSERT OR UPDATE OR DELETE ON "StatusUpdateEvidence"
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION uade_bump_public_data_version();
CREATE TRIGGER "StatusUpdateEvidence_public_data_version_truncate" AFTER TRUNCATE ON "StatusUpdateEvidence"
    FOR EACH STATEMENT EXECUTE FUNCTION uade_bump_public_data_version();

CREATE CONSTRAINT TRIGGER "User_public_data_version" AFTER INSERT OR UPDATE OR DELETE ON "User"
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION uade_bump_public_data_version();
CREATE TRIGGER "User_public_data_version_truncate" AFTER TRUNCATE ON "User"
    FOR EACH STATEMENT EXECUTE FUNCTION uade_bump_public_data_version();
