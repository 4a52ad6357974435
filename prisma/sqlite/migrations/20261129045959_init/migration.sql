-- CreateTable
CREATE TABLE "User" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "username" TEXT NOT NULL,
    "usernameNorm" TEXT NOT NULL,
    "email" TEXT,
    "emailNorm" TEXT,
    "name" TEXT NOT NULL,
    "givenName" TEXT,
    "familyName" TEXT,
    "middleName" TEXT,
    "honorificPrefix" TEXT,
    "honorificSuffix" TEXT,
    "formattedName" TEXT,
    "nickName" TEXT,
    "title" TEXT,
    "userType" TEXT,
    "locale" TEXT,
    "preferredLanguage" TEXT,
    "timezone" TEXT,
    "profileUrl" TEXT,
    "phoneNumbers" TEXT,
    "addresses" TEXT,
    "employeeNumber" TEXT,
    "costCenter" TEXT,
    "organization" TEXT,
    "division" TEXT,
    "department" TEXT,
    "managerId" TEXT,
    "managerName" TEXT,
    "state" TEXT NOT NULL DEFAULT 'active',
    "role" TEXT NOT NULL DEFAULT 'user',
    "passwordHash" TEXT,
    "sessionVersion" INTEGER NOT NULL DEFAULT 0,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    "blockedAt" DATETIME,
    "blockedReason" TEXT,
    "lastSignInAt" DATETIME
);

-- CreateTable
CREATE TABLE "UserEmail" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "userId" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "value" TEXT NOT NULL,
    "valueNorm" TEXT NOT NULL,
    "type" TEXT,
    "primary" BOOLEAN NOT NULL DEFAULT false,
    "display" TEXT,
    CONSTRAINT "UserEmail_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ScimIdentity" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "userId" TEXT NOT NULL,
    "userName" TEXT NOT NULL,
    "userNameNorm" TEXT NOT NULL,
    "externalId" TEXT,
    "externalIdNorm" TEXT,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "deletedAt" DATETIME,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    "deactivatedAt" DATETIME,
    "reactivatedAt" DATETIME,
    CONSTRAINT "ScimIdentity_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ScimToken" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "hash" TEXT NOT NULL,
    "prefix" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "createdById" TEXT,
    "lastUsedAt" DATETIME,
    "revokedAt" DATETIME,
    "expiresAt" DATETIME,
    CONSTRAINT "ScimToken_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "AuditEvent" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "at" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "actorType" TEXT NOT NULL,
    "actorId" TEXT,
    "actorLabel" TEXT NOT NULL,
    "action" TEXT NOT NULL,
    "targetType" TEXT,
    "targetId" TEXT,
    "targetLabel" TEXT,
    "details" TEXT
);

-- CreateIndex
CREATE UNIQUE INDEX "User_username_key" ON "User"("username");

-- CreateIndex
CREATE UNIQUE INDEX "User_usernameNorm_key" ON "User"("usernameNorm");

-- CreateIndex
CREATE UNIQUE INDEX "User_emailNorm_key" ON "User"("emailNorm");

-- CreateIndex
CREATE INDEX "User_state_createdAt_idx" ON "User"("state", "createdAt");

-- CreateIndex
CREATE INDEX "User_createdAt_idx" ON "User"("createdAt");

-- CreateIndex
CREATE INDEX "UserEmail_valueNorm_idx" ON "UserEmail"("valueNorm");

-- CreateIndex
CREATE UNIQUE INDEX "UserEmail_userId_position_key" ON "UserEmail"("userId", "position");

-- CreateIndex
CREATE UNIQUE INDEX "ScimIdentity_userId_key" ON "ScimIdentity"("userId");

-- CreateIndex
CREATE UNIQUE INDEX "ScimIdentity_userNameNorm_key" ON "ScimIdentity"("userNameNorm");

-- CreateIndex
CREATE UNIQUE INDEX "ScimIdentity_externalIdNorm_key" ON "ScimIdentity"("externalIdNorm");

-- CreateIndex
CREATE INDEX "ScimIdentity_deletedAt_createdAt_idx" ON "ScimIdentity"("deletedAt", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "ScimToken_hash_key" ON "ScimToken"("hash");

-- CreateIndex
CREATE INDEX "ScimToken_revokedAt_idx" ON "ScimToken"("revokedAt");

-- CreateIndex
CREATE INDEX "AuditEvent_at_idx" ON "AuditEvent"("at");

-- CreateIndex
CREATE INDEX "AuditEvent_targetType_targetId_at_idx" ON "AuditEvent"("targetType", "targetId", "at");

-- CreateIndex
CREATE INDEX "AuditEvent_action_at_idx" ON "AuditEvent"("action", "at");

-- CreateIndex
CREATE INDEX "AuditEvent_actorId_at_idx" ON "AuditEvent"("actorId", "at");
