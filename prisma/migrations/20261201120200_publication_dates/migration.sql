-- Publication dates as sources give them (issue 9, item 6): a full date, a month, a year, or none printed.
-- Written by hand (docs/decisions/002-migrations-without-prisma-schema-engine.md). Every existing row had a
-- full date, so it becomes DAY; `publishedOn` keeps the start of the period (a month's first day, a year's
-- 1 January), so sorting by it orders periods by their start, and is null only for NONE.
CREATE TYPE "DatePrecision" AS ENUM ('DAY', 'MONTH', 'YEAR', 'NONE');

ALTER TABLE "Evidence"
    ADD COLUMN "publishedPrecision" "DatePrecision" NOT NULL DEFAULT 'DAY',
    ADD COLUMN "publishedNote" TEXT,
    ALTER COLUMN "publishedOn" DROP NOT NULL;

-- The database keeps the shape the form checks: a date exactly when the source printed one, at the start of
-- its period, and a note exactly when it printed none.
ALTER TABLE "Evidence" ADD CONSTRAINT "Evidence_publishedOn_precision"
    CHECK (
        CASE "publishedPrecision"
            WHEN 'NONE' THEN "publishedOn" IS NULL AND "publishedNote" IS NOT NULL
            WHEN 'MONTH' THEN "publishedOn" IS NOT NULL AND EXTRACT(DAY FROM "publishedOn") = 1
            WHEN 'YEAR' THEN "publishedOn" IS NOT NULL AND EXTRACT(DAY FROM "publishedOn") = 1
                AND EXTRACT(MONTH FROM "publishedOn") = 1
            ELSE "publishedOn" IS NOT NULL
        END
    );
