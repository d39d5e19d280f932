-- AlterTable
ALTER TABLE "Platform" ADD COLUMN     "featuredAt" TIMESTAMP(3),
ADD COLUMN     "publishedAt" TIMESTAMP(3);

-- Written by hand (invisible to Prisma's schema diff, which ignores check constraints and expression
-- indexes).
-- Only a published platform can be featured (unpublishing clears featuredAt in the same transaction).
ALTER TABLE "Platform" ADD CONSTRAINT "Platform_featured_is_published"
    CHECK ("featuredAt" IS NULL OR "publishedAt" IS NOT NULL);

-- At most one featured platform: every featured row has the same indexed value.
CREATE UNIQUE INDEX "Platform_one_featured_key" ON "Platform" ((true)) WHERE "featuredAt" IS NOT NULL;

-- Every platform so far was public: it stays so, published when it was entered. Last, after every ALTER:
-- the update queues the public data version's deferred trigger, and PostgreSQL alters no table with
-- trigger events pending.
UPDATE "Platform" SET "publishedAt" = "createdAt";
