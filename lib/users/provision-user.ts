import { recordEvent, type Actor } from "../audit/record-event";
import { db, type Tx } from "../db";
import { lockRow } from "../db/lock-row";
import { retryUniqueRace } from "../db/retry-unique-race";
import { uniqueness } from "../scim/errors";
import type { ScimUserRecord, UserInput } from "../scim/users/record";
import { applyScimInput } from "./apply-scim-input";
import { pickUsername } from "./pick-username";
import { emailRows, identityColumns, primaryEmail, profileColumns } from "./scim-profile";
import { findScimUser } from "./find-scim-user";
import { setUserActive } from "./set-user-active";

export type ProvisionOutcome = "created" | "linked" | "reactivated";

/**
 * POST /Users, with GitLab's provisioning rules:
 * - the userName or externalId of an active identity → 409 uniqueness;
 * - of a deprovisioned one (deactivated or deleted) → that identity and its user come back, updated (re-add);
 * - an existing user with the same email and no identity → linked to a new identity;
 * - otherwise a new user, whose instance username is derived from userName.
 */
export async function provisionUser(options: { input: UserInput; actor: Actor }): Promise<{ record: ScimUserRecord; outcome: ProvisionOutcome }> {
  return retryUniqueRace(() => db.$transaction((tx) => provision(tx, options)));
}

async function claimingIdentities(tx: Tx, input: UserInput) {
  const { userNameNorm, externalIdNorm } = identityColumns(input);
  return tx.scimIdentity.findMany({ where: { OR: [{ userNameNorm }, ...(externalIdNorm ? [{ externalIdNorm }] : [])] } });
}

async function provision(tx: Tx, options: { input: UserInput; actor: Actor }): Promise<{ record: ScimUserRecord; outcome: ProvisionOutcome }> {
  const { input, actor } = options;
  const { userNameNorm } = identityColumns(input);
  let identities = await claimingIdentities(tx, input);
  if (identities.length === 1 && (!identities[0].active || identities[0].deletedAt)) {
    // A re-add changes an existing user: it takes its turn with that user's other changes, then reads again.
    await lockRow(tx, "User", identities[0].userId);
    identities = await claimingIdentities(tx, input);
  }
  if (identities.length > 1) throw uniqueness("userName and externalId belong to two different users.");
  const previous = identities[0];
  let userId: string;
  let outcome: ProvisionOutcome;

  if (previous) {
    if (previous.active && !previous.deletedAt) {
      throw uniqueness(`A user with this ${previous.userNameNorm === userNameNorm ? "userName" : "externalId"} is already provisioned.`);
    }
    userId = previous.userId;
    outcome = "reactivated";
    if (previous.deletedAt) {
      await tx.scimIdentity.update({ where: { id: previous.id }, data: { deletedAt: null } });
      // The user shows in its groups' member lists again.
      await tx.group.updateMany({ where: { members: { some: { userId } } }, data: { version: { increment: 1 } } });
    }
    await applyScimInput(tx, await findScimUser(userId, tx), { ...input, active: undefined }, actor);
    await setUserActive(tx, { userId, active: input.active ?? true, source: "scim", actor });
  } else {
    // No identity has this userName or externalId (checked above); the email decides between link and create.
    const email = primaryEmail(input.emails);
    const owner = email
      ? await tx.user.findUnique({ where: { emailNorm: email.toLowerCase() }, select: { id: true, username: true, state: true, scimIdentity: { select: { id: true } } } })
      : null;
    if (owner?.scimIdentity) throw uniqueness(`The email "${email}" belongs to another provisioned user.`);
    let username: string;
    if (owner) {
      // GitLab links an existing account with the same email instead of creating a second one.
      userId = owner.id;
      username = owner.username;
      outcome = "linked";
      await tx.user.update({
        where: { id: userId },
        data: { ...profileColumns(input), scimIdentity: { create: identityColumns(input) }, emails: { deleteMany: {}, createMany: { data: emailRows(input.emails) } } },
      });
    } else {
      username = await pickUsername(input.userName, tx);
      outcome = "created";
      const created = await tx.user.create({
        data: {
          username,
          usernameNorm: username.toLowerCase(),
          ...profileColumns(input),
          ...(input.active === false ? { state: "blocked", blockedAt: new Date() } : {}),
          scimIdentity: { create: { ...identityColumns(input), ...(input.active === false ? { active: false, deactivatedAt: new Date() } : {}) } },
          emails: { createMany: { data: emailRows(input.emails) } },
        },
        select: { id: true },
      });
      userId = created.id;
    }
    const target = { type: "user" as const, id: userId, label: username };
    await recordEvent(
      { actor, action: outcome === "linked" ? "user.linked" : "user.created", target, details: { userName: input.userName, externalId: input.externalId, ...(input.active === false ? { active: false } : {}) } },
      tx,
    );
    // A linked account keeps its state unless the IdP says otherwise; a new one was created in the right state.
    if (owner && input.active !== undefined && (owner.state === "active") !== input.active) {
      await setUserActive(tx, { userId, active: input.active, source: "scim", actor });
    }
  }
  return { record: (await findScimUser(userId, tx)).record, outcome };
}
