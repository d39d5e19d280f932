-- AlterTable
ALTER TABLE "Platform" ADD COLUMN     "hasDemoData" BOOLEAN NOT NULL DEFAULT false;
