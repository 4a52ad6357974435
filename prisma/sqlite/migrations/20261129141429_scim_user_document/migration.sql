-- AlterTable
ALTER TABLE "ScimIdentity" ADD COLUMN "document" TEXT;
ALTER TABLE "ScimIdentity" ADD COLUMN "documentKey" TEXT;
