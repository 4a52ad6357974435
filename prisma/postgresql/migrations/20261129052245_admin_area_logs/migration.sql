-- AlterTable
ALTER TABLE "User" ADD COLUMN     "nameNorm" TEXT NOT NULL DEFAULT '';

-- CreateTable
CREATE TABLE "ScimRequestLog" (
    "id" TEXT NOT NULL,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "method" TEXT NOT NULL,
    "path" TEXT NOT NULL,
    "status" INTEGER NOT NULL,
    "durationMs" INTEGER NOT NULL,
    "tokenId" TEXT,
    "tokenPrefix" TEXT,
    "scimType" TEXT,
    "detail" TEXT,
    "requestBody" TEXT,

    CONSTRAINT "ScimRequestLog_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "ScimRequestLog_at_idx" ON "ScimRequestLog"("at");

-- CreateIndex
CREATE INDEX "ScimRequestLog_status_at_idx" ON "ScimRequestLog"("status", "at");

-- Backfill the search copy for existing users.
UPDATE "User" SET "nameNorm" = lower("name");
