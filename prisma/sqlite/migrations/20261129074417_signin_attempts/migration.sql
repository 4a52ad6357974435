-- CreateTable
CREATE TABLE "SignInFailure" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "at" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "scope" TEXT NOT NULL,
    "key" TEXT NOT NULL
);

-- CreateTable
CREATE TABLE "SignInLockout" (
    "scope" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "startedAt" DATETIME NOT NULL,
    "until" DATETIME NOT NULL,
    "level" INTEGER NOT NULL,

    PRIMARY KEY ("scope", "key")
);

-- CreateIndex
CREATE INDEX "SignInFailure_scope_key_at_idx" ON "SignInFailure"("scope", "key", "at");

-- CreateIndex
CREATE INDEX "SignInLockout_until_idx" ON "SignInLockout"("until");
