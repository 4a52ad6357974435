-- CreateTable
CREATE TABLE "ScimIdentityTally" (
    "shard" INTEGER NOT NULL,
    "listed" INTEGER NOT NULL DEFAULT 0,
    "generation" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "ScimIdentityTally_pkey" PRIMARY KEY ("shard")
);

-- Hand-written: the triggers that keep the tally (models.prisma, ScimIdentityTally). 16 rows: a transaction
-- updates the one its transaction id picks, so concurrent creates on several instances rarely wait for one
-- another, and a transaction never holds two tally rows (no lock cycles among them). Inserts and deletes are
-- counted per statement (one UPDATE for a bulk load); an update only when it changes what is listed.
CREATE FUNCTION "scim_identity_tally_add"("listedDelta" bigint, "generationDelta" integer) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  IF "listedDelta" <> 0 OR "generationDelta" <> 0 THEN
    UPDATE "ScimIdentityTally"
       SET "listed" = "listed" + "listedDelta", "generation" = "generation" + "generationDelta"
     WHERE "shard" = (txid_current() % 16)::integer;
  END IF;
END $$;

CREATE FUNCTION "scim_identity_tally_insert"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM "scim_identity_tally_add"((SELECT COUNT(*) FROM "inserted" WHERE "deletedAt" IS NULL), 0);
  RETURN NULL;
END $$;

-- A listed identity going away moves every later one up a place: a new generation.
CREATE FUNCTION "scim_identity_tally_delete"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  "gone" bigint := (SELECT COUNT(*) FROM "deleted" WHERE "deletedAt" IS NULL);
BEGIN
  PERFORM "scim_identity_tally_add"(-"gone", CASE WHEN "gone" > 0 THEN 1 ELSE 0 END);
  RETURN NULL;
END $$;

-- Deprovisioned (deletedAt set), re-added (deletedAt back to null), or its sort key changed while listed.
CREATE FUNCTION "scim_identity_tally_update"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM "scim_identity_tally_add"((NEW."deletedAt" IS NULL)::integer - (OLD."deletedAt" IS NULL)::integer, 1);
  RETURN NULL;
END $$;

-- Creating the triggers locks out writers of "ScimIdentity" until this migration commits, so the count below
-- misses nothing and counts nothing twice.
CREATE TRIGGER "ScimIdentity_tally_insert" AFTER INSERT ON "ScimIdentity"
  REFERENCING NEW TABLE AS "inserted" FOR EACH STATEMENT EXECUTE FUNCTION "scim_identity_tally_insert"();
CREATE TRIGGER "ScimIdentity_tally_delete" AFTER DELETE ON "ScimIdentity"
  REFERENCING OLD TABLE AS "deleted" FOR EACH STATEMENT EXECUTE FUNCTION "scim_identity_tally_delete"();
CREATE TRIGGER "ScimIdentity_tally_update" AFTER UPDATE OF "deletedAt", "createdAt", "id" ON "ScimIdentity" FOR EACH ROW
  WHEN ((OLD."deletedAt" IS NULL) <> (NEW."deletedAt" IS NULL)
    OR (NEW."deletedAt" IS NULL AND (OLD."createdAt" IS DISTINCT FROM NEW."createdAt" OR OLD."id" IS DISTINCT FROM NEW."id")))
  EXECUTE FUNCTION "scim_identity_tally_update"();

INSERT INTO "ScimIdentityTally" ("shard", "listed", "generation")
SELECT s, CASE WHEN s = 0 THEN (SELECT COUNT(*) FROM "ScimIdentity" WHERE "deletedAt" IS NULL) ELSE 0 END, 0
  FROM generate_series(0, 15) AS s;
