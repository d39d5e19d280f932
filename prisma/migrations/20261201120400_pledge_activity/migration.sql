-- A pledge's "updated" date: when a status, evidence or measurement of it last changed (issue 9, item 8)
-- Catalogue edits move "updatedAt" (Prisma's @updatedAt), which public pages used to show as "Updated"; a
-- seeded record then said it was updated on the seeding day. "activityAt" moves only with the pledge's
-- ledger, its approved evidence and its measurements, and is null while none exists.
ALTER TABLE "Pledge" ADD COLUMN "activityAt" TIMESTAMP(3);

-- The list's default sort ("recently updated") reads it instead of "updatedAt".
DROP INDEX "Pledge_platformId_updatedAt_idx";
CREATE INDEX "Pledge_platformId_activityAt_idx" ON "Pledge"("platformId", "activityAt");

-- Written by hand from here on; invisible to Prisma's schema diff (it ignores functions and triggers).
-- Triggers rather than app code, so that every path that writes the ledger, approves evidence or records a
-- measurement keeps the date honest: the app's models, the demo loader, test fixtures, a later import, a
-- psql session. The date is the row's own time (the entry's "createdAt", the evidence's "reviewedAt", the
-- measurement's "createdAt"), so a loader that backfills history with its real dates carries those dates,
-- and an older backfilled row never moves the date back from moving the date back.
CREATE FUNCTION uade_touch_pledge_activity(pledge_id text, happened_at timestamp(3)) RETURNS void
LANGUAGE sql AS $$
    UPDATE "Pledge"
    SET "activityAt" = happened_at
    WHERE "id" = pledge_id
      AND ("activityAt" IS NULL OR "activityAt" < happened_at)
$$;

CREATE FUNCTION uade_status_update_activity() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    PERFORM uade_touch_pledge_activity(NEW."pledgeId", NEW."createdAt");
    RETURN NULL;
END;
$$;

CREATE TRIGGER "StatusUpdate_pledge_activity" AFTER INSERT ON "StatusUpdate"
    FOR EACH ROW EXECUTE FUNCTION uade_status_update_activity();

-- Only approval counts: pending and rejected evidence is not public.
CREATE FUNCTION uade_evidence_activity() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    IF NEW."reviewState" = 'APPROVED'
       AND (TG_OP = 'INSERT' OR OLD."reviewState" IS DISTINCT FROM 'APPROVED') THEN
        PERFORM uade_touch_pledge_activity(
            NEW."pledgeId", coalesce(NEW."reviewedAt", NEW."updatedAt", statement_timestamp()::timestamp(3))
        );
    END IF;
    RETURN NULL;
END;
$$;

CREATE TRIGGER "Evidence_pledge_activity" AFTER INSERT OR UPDATE OF "reviewState" ON "Evidence"
    FOR EACH ROW EXECUTE FUNCTION uade_evidence_activity();

CREATE FUNCTION uade_measurement_activity() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    PERFORM uade_touch_pledge_activity(
        (SELECT "pledgeId" FROM "Indicator" WHERE "id" = NEW."indicatorId"), NEW."createdAt"
    );
    RETURN NULL;
END;
$$;

CREATE TRIGGER "Measurement_pledge_activity" AFTER INSERT ON "Measurement"
    FOR EACH ROW EXECUTE FUNCTION uade_measurement_activity();

-- Existing databases: the newest of what has already happened.
UPDATE "Pledge" p
SET "activityAt" = happened."at"
FROM (
    SELECT "pledgeId", max("at") AS "at" FROM (
        SELECT "pledgeId", "createdAt" AS "at" FROM "StatusUpdate"
        UNION ALL
        SELECT "pledgeId", coalesce("reviewedAt", "updatedAt") FROM "Evidence" WHERE "reviewState" = 'APPROVED'
        UNION ALL
        SELECT i."pledgeId", m."createdAt" FROM "Measurement" m JOIN "Indicator" i ON i."id" = m."indicatorId"
    ) everything
    GROUP BY "pledgeId"
) happened
WHERE p."id" = happened."pledgeId";
