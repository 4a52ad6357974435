-- CreateTable
CREATE TABLE "ScimRequestLog" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "at" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "method" TEXT NOT NULL,
    "path" TEXT NOT NULL,
    "status" INTEGER NOT NULL,
    "durationMs" INTEGER NOT NULL,
    "tokenId" TEXT,
    "tokenPrefix" TEXT,
    "scimType" TEXT,
    "detail" TEXT,
    "requestBody" TEXT
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_User" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "username" TEXT NOT NULL,
    "usernameNorm" TEXT NOT NULL,
    "email" TEXT,
    "emailNorm" TEXT,
    "name" TEXT NOT NULL,
    "nameNorm" TEXT NOT NULL DEFAULT '',
    "givenName" TEXT,
    "familyName" TEXT,
    "middleName" TEXT,
    "honorificPrefix" TEXT,
    "honorificSuffix" TEXT,
    "formattedName" TEXT,
    "displayName" TEXT,
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
INSERT INTO "new_User" ("addresses", "blockedAt", "blockedReason", "costCenter", "createdAt", "department", "displayName", "division", "email", "emailNorm", "employeeNumber", "familyName", "formattedName", "givenName", "honorificPrefix", "honorificSuffix", "id", "lastSignInAt", "locale", "managerId", "managerName", "middleName", "name", "nickName", "organization", "passwordHash", "phoneNumbers", "preferredLanguage", "profileUrl", "role", "sessionVersion", "state", "timezone", "title", "updatedAt", "userType", "username", "usernameNorm") SELECT "addresses", "blockedAt", "blockedReason", "costCenter", "createdAt", "department", "displayName", "division", "email", "emailNorm", "employeeNumber", "familyName", "formattedName", "givenName", "honorificPrefix", "honorificSuffix", "id", "lastSignInAt", "locale", "managerId", "managerName", "middleName", "name", "nickName", "organization", "passwordHash", "phoneNumbers", "preferredLanguage", "profileUrl", "role", "sessionVersion", "state", "timezone", "title", "updatedAt", "userType", "username", "usernameNorm" FROM "User";
DROP TABLE "User";
ALTER TABLE "new_User" RENAME TO "User";
CREATE UNIQUE INDEX "User_username_key" ON "User"("username");
CREATE UNIQUE INDEX "User_usernameNorm_key" ON "User"("usernameNorm");
CREATE UNIQUE INDEX "User_emailNorm_key" ON "User"("emailNorm");
CREATE INDEX "User_state_createdAt_idx" ON "User"("state", "createdAt");
CREATE INDEX "User_createdAt_idx" ON "User"("createdAt");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE INDEX "ScimRequestLog_at_idx" ON "ScimRequestLog"("at");

-- CreateIndex
CREATE INDEX "ScimRequestLog_status_at_idx" ON "ScimRequestLog"("status", "at");

-- Backfill the search copy for existing users.
UPDATE "User" SET "nameNorm" = lower("name");
