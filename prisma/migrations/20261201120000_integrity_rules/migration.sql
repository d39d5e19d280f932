-- Dates and texts that cannot be true (issue 9; the rules are app/forms/integrity-rules.ts, ADR 012)
-- Written by hand; CHECK constraints are invisible to Prisma's schema diff. The static rules are kept by
-- PostgreSQL too, so that no path (a script, a console session, a later import) can write what the forms
-- refuse. They are validated here, not added NOT VALID: a NOT VALID check still refuses the next UPDATE of an
-- old row and every INSERT of a restore (app/db/tooling/backup.server.ts), so an old bad row would surface
-- later as a failed publish or an unrestorable backup. Instead, this migration stops at once, naming the
-- rows an editor must fix first (with the catalogue forms of the version before), and changes nothing.

DO $$
DECLARE
    found TEXT;
BEGIN
    SELECT string_agg(format('pledge %s (made %s, deadline %s)', "slug", "sourceDate", "deadline"), '; ')
      INTO found FROM "Pledge" WHERE "deadline" < "sourceDate";
    IF found IS NOT NULL THEN
        RAISE EXCEPTION 'Fix these deadlines before upgrading (a deadline may not be before the pledge was made): %', found;
    END IF;
    SELECT string_agg(format('platform %s (election %s, term %s to %s)', "slug", "electionDate", "termStart", "termEnd"), '; ')
      INTO found FROM "Platform" WHERE "termEnd" <= "termStart" OR "termEnd" <= "electionDate";
    IF found IS NOT NULL THEN
        RAISE EXCEPTION 'Fix these terms before upgrading (a term ends after it starts and after its election): %', found;
    END IF;
    SELECT string_agg(format('indicator of pledge %s (baseline %s, target %s)', p."slug", i."baselineDate", i."targetDate"), '; ')
      INTO found FROM "Indicator" i JOIN "Pledge" p ON p."id" = i."pledgeId"
     WHERE i."baselineDate" IS NOT NULL AND i."targetDate" <= i."baselineDate";
    IF found IS NOT NULL THEN
        RAISE EXCEPTION 'Fix these indicators before upgrading (a target date comes after its baseline date): %', found;
    END IF;
END
$$;

-- A correction says what was wrong with the entry it corrects, apart from its own rationale.
ALTER TABLE "StatusUpdate" ADD COLUMN "correctionReason" TEXT;
-- Corrections written before this had one text, which the Corrections page showed as their reason: it
-- becomes their reason. The ledger refuses UPDATE (ADR 004); this one statement is let through, inside this
-- migration's transaction, and the guard is back before it commits.
-- The public data version's deferred trigger fires at once, not at commit, so the ALTERs below may follow.
SET CONSTRAINTS ALL IMMEDIATE;
ALTER TABLE "StatusUpdate" DISABLE TRIGGER "StatusUpdate_append_only";
UPDATE "StatusUpdate" SET "correctionReason" = "rationale" WHERE "correctsId" IS NOT NULL;
ALTER TABLE "StatusUpdate" ENABLE TRIGGER "StatusUpdate_append_only";
ALTER TABLE "StatusUpdate" ADD CONSTRAINT "StatusUpdate_correction_has_reason"
    CHECK (("correctsId" IS NULL) = ("correctionReason" IS NULL));

ALTER TABLE "Pledge" ADD CONSTRAINT "Pledge_deadline_not_before_source"
    CHECK ("deadline" >= "sourceDate");

ALTER TABLE "Platform" ADD CONSTRAINT "Platform_term_ends_after_start"
    CHECK ("termEnd" > "termStart");
ALTER TABLE "Platform" ADD CONSTRAINT "Platform_term_ends_after_election"
    CHECK ("termEnd" > "electionDate");

ALTER TABLE "Indicator" ADD CONSTRAINT "Indicator_target_after_baseline"
    CHECK ("baselineDate" IS NULL OR "targetDate" > "baselineDate");
