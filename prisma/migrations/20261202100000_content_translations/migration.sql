-- Issue 10, content translations: a platform's title and summary, a politician's name and office, an
-- indicator's name and unit and a milestone step's title in Russian and Kazakh, beside the English that
-- stays on the record itself (as CategoryTranslation and PledgeTranslation do).

-- CreateTable
CREATE TABLE "PoliticianTranslation" (
    "politicianId" TEXT NOT NULL,
    "locale" "Locale" NOT NULL,
    "name" TEXT NOT NULL,
    "office" TEXT NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "PoliticianTranslation_pkey" PRIMARY KEY ("politicianId","locale")
);

-- CreateTable
CREATE TABLE "PlatformTranslation" (
    "platformId" TEXT NOT NULL,
    "locale" "Locale" NOT NULL,
    "title" TEXT NOT NULL,
    "summary" TEXT,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "PlatformTranslation_pkey" PRIMARY KEY ("platformId","locale")
);

-- CreateTable
CREATE TABLE "IndicatorTranslation" (
    "indicatorId" TEXT NOT NULL,
    "locale" "Locale" NOT NULL,
    "name" TEXT NOT NULL,
    "unit" TEXT NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "IndicatorTranslation_pkey" PRIMARY KEY ("indicatorId","locale")
);

-- CreateTable
CREATE TABLE "MilestoneStepTranslation" (
    "milestoneStepId" TEXT NOT NULL,
    "locale" "Locale" NOT NULL,
    "title" TEXT NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "MilestoneStepTranslation_pkey" PRIMARY KEY ("milestoneStepId","locale")
);

-- AddForeignKey
ALTER TABLE "PoliticianTranslation" ADD CONSTRAINT "PoliticianTranslation_politicianId_fkey" FOREIGN KEY ("politicianId") REFERENCES "Politician"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PlatformTranslation" ADD CONSTRAINT "PlatformTranslation_platformId_fkey" FOREIGN KEY ("platformId") REFERENCES "Platform"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "IndicatorTranslation" ADD CONSTRAINT "IndicatorTranslation_indicatorId_fkey" FOREIGN KEY ("indicatorId") REFERENCES "Indicator"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MilestoneStepTranslation" ADD CONSTRAINT "MilestoneStepTranslation_milestoneStepId_fkey" FOREIGN KEY ("milestoneStepId") REFERENCES "MilestoneStep"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Written by hand; invisible to Prisma's schema diff. The app role (docs/decisions/010-database-roles.md)
-- writes translations through the admin forms, as it does those of categories and pledges. The default
-- privileges of migration 20261201110000_app_role already give this; said here so that it does not rest on
-- the tables' owner being the one that ran that migration.
GRANT SELECT, INSERT, UPDATE, DELETE ON "PoliticianTranslation", "PlatformTranslation", "IndicatorTranslation", "MilestoneStepTranslation" TO uade_app;

-- These rows change what public pages show, so they move the public data version (the ETag) as the
-- records they translate do (migration 20261128170101_public_data_version).
CREATE CONSTRAINT TRIGGER "PoliticianTranslation_public_data_version" AFTER INSERT OR UPDATE OR DELETE ON "PoliticianTranslation"
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION uade_bump_public_data_version();
CREATE TRIGGER "PoliticianTranslation_public_data_version_truncate" AFTER TRUNCATE ON "PoliticianTranslation"
    FOR EACH STATEMENT EXECUTE FUNCTION uade_bump_public_data_version();

CREATE CONSTRAINT TRIGGER "PlatformTranslation_public_data_version" AFTER INSERT OR UPDATE OR DELETE ON "PlatformTranslation"
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION uade_bump_public_data_version();
CREATE TRIGGER "PlatformTranslation_public_data_version_truncate" AFTER TRUNCATE ON "PlatformTranslation"
    FOR EACH STATEMENT EXECUTE FUNCTION uade_bump_public_data_version();

CREATE CONSTRAINT TRIGGER "IndicatorTranslation_public_data_version" AFTER INSERT OR UPDATE OR DELETE ON "IndicatorTranslation"
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION uade_bump_public_data_version();
CREATE TRIGGER "IndicatorTranslation_public_data_version_truncate" AFTER TRUNCATE ON "IndicatorTranslation"
    FOR EACH STATEMENT EXECUTE FUNCTION uade_bump_public_data_version();

CREATE CONSTRAINT TRIGGER "MilestoneStepTranslation_public_data_version" AFTER INSERT OR UPDATE OR DELETE ON "MilestoneStepTranslation"
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION uade_bump_public_data_version();
CREATE TRIGGER "MilestoneStepTranslation_public_data_version_truncate" AFTER TRUNCATE ON "MilestoneStepTranslation"
    FOR EACH STATEMENT EXECUTE FUNCTION uade_bump_public_data_version();
