-- DropIndex
DROP INDEX "ScimIdentity_deletedAt_createdAt_idx";

-- CreateIndex
CREATE INDEX "ScimIdentity_deletedAt_createdAt_id_idx" ON "ScimIdentity"("deletedAt", "createdAt", "id");
