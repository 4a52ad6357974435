-- AlterTable
ALTER TABLE "ScimIdentity" ADD COLUMN     "document" TEXT,
ADD COLUMN     "documentKey" TEXT;
