import { recordEvent } from "../audit/record-event";
import type { Db, User } from "../db";
import { db } from "../db";
import { createSsoUser } from "../users/create-sso-user";
import { matchSsoUser, type SsoMatchRules, type SsoRefusal } from "./match-sso-user";
import type { SessionUser } from "./session-user";
import { claimString, type SsoClaims } from "./sso-claims";

export type SsoRules = SsoMatchRules & { jit: boolean };

export type SsoSignIn = { ok: true; user: SessionUser } | { ok: false; reason: SsoRefusal };

/**
 * An OpenID Connect sign-in, after next-auth has verified the ID token: match the account (or create it, when
 * just-in-time creation is on), then audit the outcome — who signed in and how, or who was refused and why.
 */
export async function signInWithSso(options: { claims: SsoClaims; rules: SsoRules }, client: Db = db): Promise<SsoSignIn> {
  const { claims, rules } = options;
  let match = await matchSsoUser({ claims, rules }, client);
  let method: string = match.ok ? match.matchedBy : "";
  if (!match.ok && match.reason === "not_provisioned" && rules.jit && match.subject) {
    const created = await createSsoUser({ claims, subject: match.subject }, client);
    match = created.ok
      ? { ok: true, user: created.user, matchedBy: "id_claim", subject: match.subject }
      : { ok: false, reason: created.reason, subject: match.subject };
    method = "jit";
  }
  const email = claimString(claims, "email");
  if (!match.ok) {
    await recordEvent(
      {
        actor: { type: "system", label: "sso sign-in" },
        action: "user.sign_in_refused",
        target: match.user ? label(match.user) : undefined,
        details: { reason: match.reason, claim: rules.idClaim, subject: match.subject, email, jit: rules.jit },
      },
      client,
    );
    return { ok: false, reason: match.reason };
  }
  const user = match.user;
  await client.user.update({ where: { id: user.id }, data: { lastSignInAt: new Date() } });
  await recordEvent(
    {
      actor: { type: "user", id: user.id, label: user.username },
      action: "user.signed_in",
      target: label(user),
      details: { method: "sso", matchedBy: method, claim: rules.idClaim, subject: match.subject },
    },
    client,
  );
  return { ok: true, user: { id: user.id, email: user.email ?? "", name: user.name, role: user.role, sessionVersion: user.sessionVersion } };
}

function label(user: User) {
  return { type: "user" as const, id: user.id, label: user.username };
}
