-- Sources about a platform's implementation as a whole, and the language of an evidence excerpt (issue 11, the launch dataset)
-- AlterTable
ALTER TABLE "Evidence" ADD COLUMN     "excerptLanguage" TEXT,
ADD COLUMN     "excerptInEnglish" TEXT;

-- CreateTable
CREATE TABLE "PlatformSource" (
    "id" TEXT NOT NULL,
    "platformId" TEXT NOT NULL,
    "position" INTEGER NOT NULL DEFAULT 0,
    "type" "EvidenceType" NOT NULL,
    "sourceUrl" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "publisher" TEXT NOT NULL,
    "publishedOn" DATE,
    "publishedPrecision" "DatePrecision" NOT NULL DEFAULT 'DAY',
    "publishedNote" TEXT,
    "excerpt" TEXT NOT NULL,
    "excerptLanguage" TEXT,
    "excerptInEnglish" TEXT,
    "archiveUrl" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "PlatformSource_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PlatformSourceTranslation" (
    "platformSourceId" TEXT NOT NULL,
    "locale" "Locale" NOT NULL,
    "title" TEXT NOT NULL,
    "excerpt" TEXT,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "PlatformSourceTranslation_pkey" PRIMARY KEY ("platformSourceId","locale")
);

-- CreateIndex
CREATE INDEX "PlatformSource_platformId_position_idx" ON "PlatformSource"("platformId", "position");

-- AddForeignKey
ALTER TABLE "PlatformSource" ADD CONSTRAINT "PlatformSource_platformId_fkey" FOREIGN KEY ("platformId") REFERENCES "Platform"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PlatformSourceTranslation" ADD CONSTRAINT "PlatformSourceTranslation_platformSourceId_fkey" FOREIGN KEY ("platformSourceId") REFERENCES "PlatformSource"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Written by hand from here on; invisible to Prisma's schema diff.

-- English lives on the record itself: a translation is into another language.
ALTER TABLE "PlatformSourceTranslation" ADD CONSTRAINT "PlatformSourceTranslation_not_english"
    CHECK ("locale" <> 'EN');
ALTER TABLE "PlatformSourceTranslation" ADD CONSTRAINT "PlatformSourceTranslation_texts_not_blank"
    CHECK (btrim("title") <> '' AND ("excerpt" IS NULL OR btrim("excerpt") <> ''));
ALTER TABLE "PlatformSource" ADD CONSTRAINT "PlatformSource_texts_not_blank"
    CHECK (btrim("title") <> '' AND btrim("publisher") <> '' AND btrim("excerpt") <> '');
ALTER TABLE "PlatformSource" ADD CONSTRAINT "PlatformSource_source_is_http"
    CHECK ("sourceUrl" ~ '^https?://' AND ("archiveUrl" IS NULL OR "archiveUrl" ~ '^https?://'));

-- Public pages show them (migration 20261128170101_public_data_version): the ETag moves with them.
CREATE CONSTRAINT TRIGGER "PlatformSource_public_data_version" AFTER INSERT OR UPDATE OR DELETE ON "PlatformSource"
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION uade_bump_public_data_version();
CREATE TRIGGER "PlatformSource_public_data_version_truncate" AFTER TRUNCATE ON "PlatformSource"
    FOR EACH STATEMENT EXECUTE FUNCTION uade_bump_public_data_version();
CREATE CONSTRAINT TRIGGER "PlatformSourceTranslation_public_data_version" AFTER INSERT OR UPDATE OR DELETE ON "PlatformSourceTranslation"
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION uade_bump_public_data_version();
CREATE TRIGGER "PlatformSourceTranslation_public_data_version_truncate" AFTER TRUNCATE ON "PlatformSourceTranslation"
    FOR EACH STATEMENT EXECUTE FUNCTION uade_bump_public_data_version();

-- The app role (docs/decisions/010-database-roles.md): written by import and by admins, every change audited.
GRANT SELECT, INSERT, UPDATE, DELETE ON "PlatformSource", "PlatformSourceTranslation" TO uade_app;
