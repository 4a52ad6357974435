import crypto from "node:crypto";
import { auditEventStatement, recordEvent, type Actor } from "../audit/record-event";
import { writeTransaction } from "../db";
import type { Sql } from "../db/reader";
import { insertRows, insertStatement, updateRow } from "../db/sql-rows";
import { executeTogether } from "../db/statement";
import { lockRow } from "../db/lock-row";
import { retryUniqueRace } from "../db/retry-unique-race";
import { uniqueness } from "../scim/errors";
import type { ScimUserRecord, UserInput } from "../scim/users/record";
import { applyScimInput } from "./apply-scim-input";
import { pickUsername } from "./pick-username";
import { readClaims, type EmailOwner } from "./read-claims";
import { documentColumns, storeDocument } from "./resource-document";
import { emailRows, identityColumns, primaryEmail, profileColumns } from "./scim-profile";
import { findScimUser } from "./find-scim-user";
import { storedScimUserFromColumns } from "./scim-user-query";
import { bumpGroupsOf, setUserActive } from "./set-user-active";
import { cleanUsername } from "./username";

export type ProvisionOutcome = "created" | "linked" | "reactivated";
type Provisioned = { record: ScimUserRecord; outcome: ProvisionOutcome };

/**
 * POST /Users, with GitLab's provisioning rules:
 * - the userName or externalId of an active identity → 409 uniqueness;
 * - of a deprovisioned one (deactivated or deleted) → that identity and its user come back, updated (re-add);
 * - an existing user with the same email and no identity → linked to a new identity;
 * - otherwise a new user, whose instance username is derived from userName.
 * An initial sync is almost all of the last kind: one lookup statement, plain INSERTs, and an answer built from
 * what was written, in one transaction on the driver. Concurrent creates of the same userName are settled by the
 * unique indexes (→ 409).
 */
export async function provisionUser(options: { input: UserInput; actor: Actor }): Promise<Provisioned> {
  return retryUniqueRace(() =>
    writeTransaction(async (tx) => {
      const provisioned = await provision(tx, options);
      // A new identity is inserted with its document; the others changed an existing user step by step.
      if (provisioned.outcome !== "created") await storeDocument(tx, provisioned.record);
      return provisioned;
    }),
  );
}

async function provision(tx: Sql, options: { input: UserInput; actor: Actor }): Promise<Provisioned> {
  const { input, actor } = options;
  const { userNameNorm, externalIdNorm } = identityColumns(input);
  const email = primaryEmail(input.emails);
  const base = cleanUsername(input.userName);
  const keys = { userNameNorm, externalIdNorm, emailNorm: email?.toLowerCase() ?? null, usernameNorm: base.toLowerCase() };
  let claims = await readClaims(tx, keys);
  const [first] = claims.identities;
  if (claims.identities.length === 1 && (!first.active || first.deleted)) {
    // A re-add changes an existing user: it takes its turn with that user's other changes, then reads again.
    await lockRow(tx, "User", first.userId);
    claims = await readClaims(tx, keys);
  }
  if (claims.identities.length > 1) throw uniqueness("userName and externalId belong to two different users.");
  const previous = claims.identities[0];
  if (previous) {
    if (previous.active && !previous.deleted) {
      throw uniqueness(`A user with this ${previous.userNameNorm === userNameNorm ? "userName" : "externalId"} is already provisioned.`);
    }
    return reAdd(tx, input, actor, previous.userId, previous.id, previous.deleted);
  }
  const owner = claims.emailOwner;
  if (owner?.identityId) throw uniqueness(`The email "${email}" belongs to another provisioned user.`);
  if (owner) return link(tx, input, actor, owner);
  const username = claims.usernameTaken ? await pickUsername(input.userName, tx) : base;
  return create(tx, input, actor, username);
}

async function create(tx: Sql, input: UserInput, actor: Actor, username: string): Promise<Provisioned> {
  const now = new Date();
  const userId = crypto.randomUUID();
  const blocked = input.active === false;
  const state = blocked ? "blocked" : "active";
  const columns = profileColumns(input);
  const emails = emailRows(input.emails);
  const identity = {
    id: crypto.randomUUID(),
    ...identityColumns(input),
    active: !blocked,
    version: 1,
    createdAt: now,
    updatedAt: now,
  };
  const { record } = storedScimUserFromColumns({ userId, username, state, columns, emails, identity, groups: [] });
  // One round trip on PostgreSQL (lib/db/statement.ts): the rows are new and refer only to one another.
  await executeTogether(tx, [
    insertStatement(tx.dialect, "User", [
      { id: userId, username, usernameNorm: username.toLowerCase(), ...columns, state, passwordHash: null, blockedAt: blocked ? now : null, blockedReason: null, lastSignInAt: null, createdAt: now, updatedAt: now },
    ]),
    insertStatement(tx.dialect, "ScimIdentity", [{ ...identity, userId, deletedAt: null, deactivatedAt: blocked ? now : null, reactivatedAt: null, ...documentColumns(record) }]),
    ...(emails.length ? [insertStatement(tx.dialect, "UserEmail", emails.map((row) => ({ id: crypto.randomUUID(), userId, ...row })))] : []),
    auditEventStatement(tx.dialect, {
      actor,
      action: "user.created",
      target: { type: "user", id: userId, label: username },
      details: { userName: input.userName, externalId: input.externalId, ...(blocked ? { active: false } : {}) },
    }),
  ]);
  return { record, outcome: "created" };
}

/** A deprovisioned identity and its user come back, updated to the resource (GitLab's re-add). */
async function reAdd(tx: Sql, input: UserInput, actor: Actor, userId: string, identityId: string, deleted: boolean): Promise<Provisioned> {
  if (deleted) {
    await updateRow(tx, "ScimIdentity", identityId, { deletedAt: null, updatedAt: new Date() }, ["id"]);
    // The user shows in its groups' member lists again.
    await bumpGroupsOf(tx, userId, new Date());
  }
  await applyScimInput(tx, await findScimUser(userId, tx), { ...input, active: undefined }, actor);
  await setUserActive(tx, { userId, active: input.active ?? true, source: "scim", actor });
  return { record: (await findScimUser(userId, tx)).record, outcome: "reactivated" };
}

/** GitLab links an existing account with the same email instead of creating a second one. */
async function link(tx: Sql, input: UserInput, actor: Actor, owner: EmailOwner): Promise<Provisioned> {
  const userId = owner.id;
  const now = new Date();
  await updateRow(tx, "User", userId, { ...profileColumns(input), updatedAt: now }, ["id"]);
  await insertRows(tx, "ScimIdentity", [
    { id: crypto.randomUUID(), userId, ...identityColumns(input), active: true, version: 1, createdAt: now, updatedAt: now, deletedAt: null, deactivatedAt: null, reactivatedAt: null, document: null, documentKey: null },
  ]);
  await tx.execute(`DELETE FROM "UserEmail" WHERE "userId" = ${tx.dialect.placeholder(1)}`, [userId]);
  await insertRows(tx, "UserEmail", emailRows(input.emails).map((row) => ({ id: crypto.randomUUID(), userId, ...row })));
  await recordEvent(
    { actor, action: "user.linked", target: { type: "user", id: userId, label: owner.username }, details: { userName: input.userName, externalId: input.externalId, ...(input.active === false ? { active: false } : {}) } },
    tx,
  );
  // A linked account keeps its state unless the IdP says otherwise.
  if (input.active !== undefined && (owner.state === "active") !== input.active) {
    await setUserActive(tx, { userId, active: input.active, source: "scim", actor });
  }
  return { record: (await findScimUser(userId, tx)).record, outcome: "linked" };
}
