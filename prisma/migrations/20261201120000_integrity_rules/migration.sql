-- Dates and texts that cannot be true (issue 9; the rules are app/forms/integrity-rules.ts)
-- Written by hand; CHECK constraints are invisible to Prisma's schema diff. The static rules are kept by
-- PostgreSQL too, so that no path (a script, a console session, a later import) can write what the forms
-- refuse. They are added NOT VALID: rows written before this migration are not checked (an installation may
-- hold such a row, which the issue reports; an editor fixes it, and the form refuses to save it until then),
-- while every row inserted or updated from now on is. The seed and the demo data satisfy them all.

-- A correction says what was wrong with the entry it corrects, apart from its own rationale. Adding a
-- nullable column changes no row, so the append-only triggers (ADR 004) stay as they are.
ALTER TABLE "StatusUpdate" ADD COLUMN "correctionReason" TEXT;
ALTER TABLE "StatusUpdate" ADD CONSTRAINT "StatusUpdate_correction_has_reason"
    CHECK (("correctsId" IS NULL) = ("correctionReason" IS NULL)) NOT VALID;

ALTER TABLE "Pledge" ADD CONSTRAINT "Pledge_deadline_not_before_source"
    CHECK ("deadline" >= "sourceDate") NOT VALID;

ALTER TABLE "Platform" ADD CONSTRAINT "Platform_term_ends_after_start"
    CHECK ("termEnd" > "termStart") NOT VALID;
ALTER TABLE "Platform" ADD CONSTRAINT "Platform_term_ends_after_election"
    CHECK ("termEnd" > "electionDate") NOT VALID;

ALTER TABLE "Indicator" ADD CONSTRAINT "Indicator_target_after_baseline"
    CHECK ("baselineDate" IS NULL OR "targetDate" > "baselineDate") NOT VALID;
