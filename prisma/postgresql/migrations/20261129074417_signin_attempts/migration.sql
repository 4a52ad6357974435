-- CreateTable
CREATE TABLE "SignInFailure" (
    "id" TEXT NOT NULL,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "scope" TEXT NOT NULL,
    "key" TEXT NOT NULL,

    CONSTRAINT "SignInFailure_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SignInLockout" (
    "scope" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "startedAt" TIMESTAMP(3) NOT NULL,
    "until" TIMESTAMP(3) NOT NULL,
    "level" INTEGER NOT NULL,

    CONSTRAINT "SignInLockout_pkey" PRIMARY KEY ("scope","key")
);

-- CreateIndex
CREATE INDEX "SignInFailure_scope_key_at_idx" ON "SignInFailure"("scope", "key", "at");

-- CreateIndex
CREATE INDEX "SignInLockout_until_idx" ON "SignInLockout"("until");
