import { isUniqueViolation } from "../db/unique-violation";
import { recordEvent } from "../audit/record-event";
import type { Db, User } from "../db";
import { db } from "../db";
import { claimString, usableEmail, type SsoClaims } from "../auth/sso-claims";
import { pickUsername } from "./pick-username";

export type JitOutcome = { ok: true; user: User } | { ok: false; reason: "account_conflict" };

/**
 * Just-in-time creation (OIDC_JIT=true): the first sign-in of someone the IdP has not provisioned creates an
 * active user with a SCIM identity whose externalId is the ID token's id claim and whose userName is the IdP's
 * username, so the IdP's own provisioning later finds the account (Okta and Entra look users up by userName
 * before they create one) instead of making a second. Refused, never linked, when the email, userName or id is
 * already someone's: an existing account is only ever reached through its own identity.
 */
export async function createSsoUser(options: { claims: SsoClaims; subject: string }, client: Db = db): Promise<JitOutcome> {
  const { claims, subject } = options;
  const email = usableEmail(claims);
  const userName = claimString(claims, "preferred_username") ?? email ?? subject;
  const givenName = claimString(claims, "given_name");
  const familyName = claimString(claims, "family_name");
  const name = claimString(claims, "name") ?? ([givenName, familyName].filter(Boolean).join(" ") || userName);
  try {
    return await client.$transaction(async (tx) => {
      const clash = await tx.scimIdentity.findFirst({
        where: { OR: [{ userNameNorm: userName.toLowerCase() }, { externalIdNorm: subject.toLowerCase() }] },
        select: { id: true },
      });
      const emailTaken = email ? await tx.user.findUnique({ where: { emailNorm: email.toLowerCase() }, select: { id: true } }) : null;
      if (clash || emailTaken) return { ok: false, reason: "account_conflict" } as const;
      const username = await pickUsername(userName, tx);
      const user = await tx.user.create({
        data: {
          username,
          usernameNorm: username.toLowerCase(),
          email,
          emailNorm: email?.toLowerCase() ?? null,
          name,
          nameNorm: name.toLowerCase(),
          givenName,
          familyName,
          displayName: claimString(claims, "name"),
        },
      });
      await tx.scimIdentity.create({
        data: { userId: user.id, userName, userNameNorm: userName.toLowerCase(), externalId: subject, externalIdNorm: subject.toLowerCase() },
      });
      if (email) await tx.userEmail.create({ data: { userId: user.id, position: 0, value: email, valueNorm: email.toLowerCase(), type: "work", primary: true } });
      await recordEvent(
        {
          actor: { type: "system", label: "sso sign-in" },
          action: "user.created",
          target: { type: "user", id: user.id, label: username },
          details: { source: "sso_jit", userName, externalId: subject },
        },
        tx,
      );
      return { ok: true, user } as const;
    });
  } catch (error) {
    // Two first sign-ins at once: the unique indexes let one through.
    if (isUniqueViolation(error)) return { ok: false, reason: "account_conflict" };
    throw error;
  }
}
