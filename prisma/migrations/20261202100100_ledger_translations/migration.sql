-- Translations of the ledger's texts and of evidence (issue 10; docs/decisions/015-translations-of-ledger-entries.md)
-- CreateTable
CREATE TABLE "EvidenceTranslation" (
    "evidenceId" TEXT NOT NULL,
    "locale" "Locale" NOT NULL,
    "title" TEXT NOT NULL,
    "excerpt" TEXT,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "EvidenceTranslation_pkey" PRIMARY KEY ("evidenceId","locale")
);

-- CreateTable
CREATE TABLE "StatusUpdateTranslation" (
    "statusUpdateId" TEXT NOT NULL,
    "locale" "Locale" NOT NULL,
    "rationale" TEXT NOT NULL,
    "correctionReason" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "StatusUpdateTranslation_pkey" PRIMARY KEY ("statusUpdateId","locale")
);

-- AddForeignKey
ALTER TABLE "EvidenceTranslation" ADD CONSTRAINT "EvidenceTranslation_evidenceId_fkey" FOREIGN KEY ("evidenceId") REFERENCES "Evidence"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StatusUpdateTranslation" ADD CONSTRAINT "StatusUpdateTranslation_statusUpdateId_fkey" FOREIGN KEY ("statusUpdateId") REFERENCES "StatusUpdate"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Written by hand from here on; invisible to Prisma's schema diff (it ignores checks, functions, triggers
-- and grants).

-- English lives on the record itself: a translation is into another language.
ALTER TABLE "EvidenceTranslation" ADD CONSTRAINT "EvidenceTranslation_not_english"
    CHECK ("locale" <> 'EN');
ALTER TABLE "EvidenceTranslation" ADD CONSTRAINT "EvidenceTranslation_texts_not_blank"
    CHECK (btrim("title") <> '' AND ("excerpt" IS NULL OR btrim("excerpt") <> ''));
ALTER TABLE "StatusUpdateTranslation" ADD CONSTRAINT "StatusUpdateTranslation_not_english"
    CHECK ("locale" <> 'EN');

-- The rules of the entry's own texts (app/forms/integrity-rules.ts, `publicTextMinimum`): a rationale and a
-- reason are public and permanent, so at least a short sentence. The database keeps the 20 characters; the
-- word count (letters and digits in any script) is the app's, since PostgreSQL's character classes depend on
-- the server's locale. btrim takes off spaces only, so this is never stricter than the app's rule.
ALTER TABLE "StatusUpdateTranslation" ADD CONSTRAINT "StatusUpdateTranslation_rationale_is_a_sentence"
    CHECK (char_length(btrim("rationale")) >= 20);
ALTER TABLE "StatusUpdateTranslation" ADD CONSTRAINT "StatusUpdateTranslation_reason_is_a_sentence"
    CHECK ("correctionReason" IS NULL OR char_length(btrim("correctionReason")) >= 20);

-- StatusUpdate_correction_has_reason, across the two tables: a translation has a reason exactly when its
-- entry is a correction. A CHECK cannot read another table, so a trigger does; the entry never changes
-- (ADR 004), so checking the translation's side is enough.
CREATE FUNCTION uade_status_update_translation_matches_entry() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
    is_correction boolean;
BEGIN
    SELECT "correctsId" IS NOT NULL INTO is_correction FROM "StatusUpdate" WHERE "id" = NEW."statusUpdateId";
    -- No such entry: the foreign key refuses the row.
    IF is_correction IS NOT NULL AND is_correction <> (NEW."correctionReason" IS NOT NULL) THEN
        RAISE EXCEPTION 'a translation of ledger entry % has a correction reason exactly when the entry is a correction',
            NEW."statusUpdateId"
            USING ERRCODE = 'check_violation', TABLE = 'StatusUpdateTranslation',
                  CONSTRAINT = 'StatusUpdateTranslation_correction_has_reason';
    END IF;
    RETURN NEW;
END;
$$;

CREATE TRIGGER "StatusUpdateTranslation_correction_has_reason"
    BEFORE INSERT OR UPDATE ON "StatusUpdateTranslation"
    FOR EACH ROW EXECUTE FUNCTION uade_status_update_translation_matches_entry();

-- Public pages show both (migration 20261128170101_public_data_version): the ETag moves with them.
CREATE CONSTRAINT TRIGGER "EvidenceTranslation_public_data_version" AFTER INSERT OR UPDATE OR DELETE ON "EvidenceTranslation"
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION uade_bump_public_data_version();
CREATE TRIGGER "EvidenceTranslation_public_data_version_truncate" AFTER TRUNCATE ON "EvidenceTranslation"
    FOR EACH STATEMENT EXECUTE FUNCTION uade_bump_public_data_version();

CREATE CONSTRAINT TRIGGER "StatusUpdateTranslation_public_data_version" AFTER INSERT OR UPDATE OR DELETE ON "StatusUpdateTranslation"
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION uade_bump_public_data_version();
CREATE TRIGGER "StatusUpdateTranslation_public_data_version_truncate" AFTER TRUNCATE ON "StatusUpdateTranslation"
    FOR EACH STATEMENT EXECUTE FUNCTION uade_bump_public_data_version();

-- The app role (docs/decisions/010-database-roles.md): a translation is written with its entry or evidence,
-- added or fixed later, and withdrawn (the English shows again); every change is audited by the app. The
-- default privileges of migration 20261201110000_app_role give the same; said here so it is not left to them.
GRANT SELECT, INSERT, UPDATE, DELETE ON "EvidenceTranslation", "StatusUpdateTranslation" TO uade_app;
