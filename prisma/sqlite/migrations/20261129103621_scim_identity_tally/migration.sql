-- CreateTable
CREATE TABLE "ScimIdentityTally" (
    "shard" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "listed" INTEGER NOT NULL DEFAULT 0,
    "generation" INTEGER NOT NULL DEFAULT 0
);

-- Hand-written: the triggers that keep the tally (models.prisma, ScimIdentityTally). SQLite has one writer at a
-- time, so one row. A later migration that rebuilds "ScimIdentity" (Prisma's copy-and-rename) drops these
-- triggers: it must create them again (tests/db/scim-identity-tally.test.ts fails if it does not).
INSERT INTO "ScimIdentityTally" ("shard", "listed", "generation")
SELECT 0, COUNT(*), 0 FROM "ScimIdentity" WHERE "deletedAt" IS NULL;

CREATE TRIGGER "ScimIdentity_tally_insert" AFTER INSERT ON "ScimIdentity" WHEN NEW."deletedAt" IS NULL
BEGIN
  UPDATE "ScimIdentityTally" SET "listed" = "listed" + 1 WHERE "shard" = 0;
END;

-- A listed identity going away moves every later one up a place: a new generation.
CREATE TRIGGER "ScimIdentity_tally_delete" AFTER DELETE ON "ScimIdentity" WHEN OLD."deletedAt" IS NULL
BEGIN
  UPDATE "ScimIdentityTally" SET "listed" = "listed" - 1, "generation" = "generation" + 1 WHERE "shard" = 0;
END;

-- Deprovisioned (deletedAt set), re-added (deletedAt back to null), or its sort key changed while listed.
CREATE TRIGGER "ScimIdentity_tally_update" AFTER UPDATE OF "deletedAt", "createdAt", "id" ON "ScimIdentity"
WHEN (OLD."deletedAt" IS NULL) <> (NEW."deletedAt" IS NULL)
  OR (NEW."deletedAt" IS NULL AND (OLD."createdAt" IS NOT NEW."createdAt" OR OLD."id" IS NOT NEW."id"))
BEGIN
  UPDATE "ScimIdentityTally"
     SET "listed" = "listed" + (NEW."deletedAt" IS NULL) - (OLD."deletedAt" IS NULL), "generation" = "generation" + 1
   WHERE "shard" = 0;
END;
