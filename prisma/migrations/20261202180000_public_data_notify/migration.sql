-- The public data version, pushed and narrowed
-- Written by hand, like migration 20261128170101_public_data_version whose triggers it keeps: the function
-- they call now moves the version only for a change the public can see, and announces each new version
-- with NOTIFY on the channel uade_public_data (delivered at commit, like the change itself). Every app
-- process listens (app/server/data-version.server.ts) and keeps the version in memory instead of reading
-- it on every request.
--
-- Not public, so not moving the version: evidence that is not approved (a pending submission, a
-- rejection), its translations, anything under a draft platform, an account's changes other than its
-- display name (the only thing about an account a public page shows). A change is judged by the row before
-- and after it (either one public is enough: approving and withdrawing both move the version), and by its
-- parents as they stand at commit, when these deferred triggers run. TRUNCATE moves it always.

-- Whether the platform is published (public pages show published platforms only).
CREATE FUNCTION uade_platform_is_public(platform_id text) RETURNS boolean
LANGUAGE sql STABLE AS $$
    SELECT EXISTS (SELECT 1 FROM "Platform" WHERE "id" = platform_id AND "publishedAt" IS NOT NULL)
$$;

CREATE FUNCTION uade_pledge_is_public(pledge_id text) RETURNS boolean
LANGUAGE sql STABLE AS $$
    SELECT uade_platform_is_public((SELECT "platformId" FROM "Pledge" WHERE "id" = pledge_id))
$$;

CREATE FUNCTION uade_evidence_is_public(evidence_id text) RETURNS boolean
LANGUAGE sql STABLE AS $$
    SELECT COALESCE(
        (SELECT "reviewState" = 'APPROVED' AND uade_pledge_is_public("pledgeId") FROM "Evidence" WHERE "id" = evidence_id),
        false
    )
$$;

-- Whether a public page shows this row (one version of it, as JSON), judged by its table.
CREATE FUNCTION uade_row_is_public(table_name text, r jsonb) RETURNS boolean
LANGUAGE plpgsql STABLE AS $$
BEGIN
    IF r IS NULL THEN
        RETURN false;
    END IF;
    CASE table_name
        WHEN 'Platform' THEN
            RETURN r->>'publishedAt' IS NOT NULL;
        WHEN 'PlatformTranslation', 'Category', 'Pledge', 'PlatformSource' THEN
            RETURN uade_platform_is_public(r->>'platformId');
        WHEN 'CategoryTranslation' THEN
            RETURN uade_platform_is_public((SELECT "platformId" FROM "Category" WHERE "id" = r->>'categoryId'));
        WHEN 'PlatformSourceTranslation' THEN
            RETURN uade_platform_is_public(
                (SELECT "platformId" FROM "PlatformSource" WHERE "id" = r->>'platformSourceId')
            );
        WHEN 'PledgeTranslation', 'Indicator', 'MilestoneStep', 'StatusUpdate' THEN
            RETURN uade_pledge_is_public(r->>'pledgeId');
        WHEN 'IndicatorTranslation', 'Measurement' THEN
            RETURN uade_pledge_is_public((SELECT "pledgeId" FROM "Indicator" WHERE "id" = r->>'indicatorId'));
        WHEN 'MilestoneStepTranslation' THEN
            RETURN uade_pledge_is_public((SELECT "pledgeId" FROM "MilestoneStep" WHERE "id" = r->>'milestoneStepId'));
        WHEN 'StatusUpdateTranslation', 'StatusUpdateEvidence' THEN
            RETURN uade_pledge_is_public((SELECT "pledgeId" FROM "StatusUpdate" WHERE "id" = r->>'statusUpdateId'));
        WHEN 'Evidence' THEN
            RETURN r->>'reviewState' = 'APPROVED' AND uade_pledge_is_public(r->>'pledgeId');
        WHEN 'EvidenceTranslation' THEN
            RETURN uade_evidence_is_public(r->>'evidenceId');
        ELSE
            -- Politicians and their translations, and any table added later until it says otherwise.
            RETURN true;
    END CASE;
END;
$$;

CREATE OR REPLACE FUNCTION uade_bump_public_data_version() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
    new_version bigint;
BEGIN
    -- Once per transaction, however many rows it changed.
    IF current_setting('uade.public_data_changed', true) IS NOT DISTINCT FROM 'yes' THEN
        RETURN NULL;
    END IF;
    IF TG_LEVEL = 'ROW' THEN
        IF TG_TABLE_NAME = 'User' THEN
            IF TG_OP = 'INSERT' OR (TG_OP = 'UPDATE' AND OLD."displayName" IS NOT DISTINCT FROM NEW."displayName") THEN
                RETURN NULL;
            END IF;
        ELSIF NOT (
            (TG_OP <> 'INSERT' AND uade_row_is_public(TG_TABLE_NAME, to_jsonb(OLD)))
            OR (TG_OP <> 'DELETE' AND uade_row_is_public(TG_TABLE_NAME, to_jsonb(NEW)))
        ) THEN
            RETURN NULL;
        END IF;
    END IF;
    PERFORM set_config('uade.public_data_changed', 'yes', true);
    INSERT INTO "PublicDataVersion" ("id", "version", "changedAt") VALUES (1, 1, clock_timestamp())
    ON CONFLICT ("id") DO UPDATE
        SET "version" = "PublicDataVersion"."version" + 1, "changedAt" = excluded."changedAt"
    RETURNING "version" INTO new_version;
    PERFORM pg_notify('uade_public_data', new_version::text);
    RETURN NULL;
END;
$$;
