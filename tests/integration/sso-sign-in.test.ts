import crypto from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { matchSsoUser } from "../../lib/auth/match-sso-user";
import { recordSessionEnded } from "../../lib/auth/record-session-ended";
import { signInWithSso, type SsoRules } from "../../lib/auth/sign-in-with-sso";
import type { Db } from "../../lib/db";
import { promoteUser } from "../../lib/users/promote-user";
import { setUserActive } from "../../lib/users/set-user-active";
import { testProviders } from "../support/databases";
import { localUser, provisionedUser, serviceDatabase, type ServiceDatabase } from "../support/sso-fixtures";

const providers = await testProviders();
const OKTA: SsoRules = { idClaim: "sub", emailFallback: false, jit: false };
const ENTRA: SsoRules = { idClaim: "oid", emailFallback: false, jit: false };
const SCIM_ACTOR = { type: "scim_token" as const, id: "t", label: "scim_abc" };

describe.each(providers)("single sign-on on %s", (provider) => {
  let ctx: ServiceDatabase;
  let db: Db;
  beforeAll(async () => {
    ctx = await serviceDatabase(provider, "sso");
    db = ctx.db;
  });
  afterAll(async () => {
    await ctx?.close();
  });

  const block = (userId: string, source: "scim" | "scim_delete" | "admin", active = false) =>
    db.$transaction((tx) => setUserActive(tx, { userId, active, source, actor: SCIM_ACTOR, reason: source === "admin" ? "test" : undefined }));
  const events = async (action: string, targetId?: string) =>
    (await db.auditEvent.findMany({ where: { action, ...(targetId ? { targetId } : {}) }, orderBy: { at: "asc" } })).map((e) => ({
      ...e,
      details: JSON.parse(e.details ?? "null"),
    }));

  describe("matching", () => {
    it("matches the id claim to the identity's externalId (Okta: sub), in any case", async () => {
      const { user, externalId } = await provisionedUser(db);
      const match = await matchSsoUser({ claims: { sub: externalId.toUpperCase() }, rules: OKTA }, db);
      expect(match).toMatchObject({ ok: true, matchedBy: "id_claim", user: { id: user.id } });
    });

    it("uses the configured claim (Entra: oid), not sub", async () => {
      const oid = crypto.randomUUID();
      const { user } = await provisionedUser(db, { externalId: oid });
      expect(await matchSsoUser({ claims: { sub: "pairwise-subject", oid }, rules: ENTRA }, db)).toMatchObject({ ok: true, user: { id: user.id } });
      expect(await matchSsoUser({ claims: { sub: oid }, rules: ENTRA }, db)).toMatchObject({ ok: false, reason: "missing_claim" });
    });

    it("refuses someone never provisioned, and a local account that only shares the id or email", async () => {
      expect(await matchSsoUser({ claims: { sub: "00unobody" }, rules: OKTA }, db)).toMatchObject({ ok: false, reason: "not_provisioned", subject: "00unobody" });
      const local = await localUser(db, { role: "admin" });
      const withFallback = { ...OKTA, emailFallback: true };
      expect(await matchSsoUser({ claims: { sub: "00uother", email: local.email }, rules: withFallback }, db)).toMatchObject({ ok: false, reason: "not_provisioned" });
    });

    it("falls back to the email only when configured, and never on an unverified email", async () => {
      const { user, email } = await provisionedUser(db, { externalId: "mailnickname-not-the-oid" });
      const claims = { oid: crypto.randomUUID(), email: email.toUpperCase() };
      expect(await matchSsoUser({ claims, rules: ENTRA }, db)).toMatchObject({ ok: false, reason: "not_provisioned" });
      expect(await matchSsoUser({ claims, rules: { ...ENTRA, emailFallback: true } }, db)).toMatchObject({ ok: true, matchedBy: "email", user: { id: user.id } });
      expect(await matchSsoUser({ claims: { ...claims, email_verified: false }, rules: { ...ENTRA, emailFallback: true } }, db)).toMatchObject({ ok: false, reason: "not_provisioned" });
    });

    it("refuses a user deactivated or deleted through SCIM or blocked by an admin, and lets them in again once reactivated", async () => {
      for (const source of ["scim", "scim_delete", "admin"] as const) {
        const { user, externalId } = await provisionedUser(db);
        await block(user.id, source);
        expect(await matchSsoUser({ claims: { sub: externalId }, rules: OKTA }, db), source).toMatchObject({ ok: false, reason: "blocked", user: { id: user.id } });
        // A deleted identity comes back only through a re-add (POST /Users), which clears deletedAt first.
        if (source === "scim_delete") await db.scimIdentity.update({ where: { userId: user.id }, data: { deletedAt: null } });
        await block(user.id, source === "admin" ? "admin" : "scim", true);
        expect(await matchSsoUser({ claims: { sub: externalId }, rules: OKTA }, db), source).toMatchObject({ ok: true, user: { id: user.id } });
      }
    });

    it("refuses a blocked user matched by email too", async () => {
      const { user, email } = await provisionedUser(db, { externalId: null });
      await block(user.id, "scim");
      expect(await matchSsoUser({ claims: { sub: "x", email }, rules: { ...OKTA, emailFallback: true } }, db)).toMatchObject({ ok: false, reason: "blocked" });
    });
  });

  describe("signing in", () => {
    it("audits a sign-in with how it matched, and stamps the last sign-in", async () => {
      const { user, externalId } = await provisionedUser(db);
      const result = await signInWithSso({ claims: { sub: externalId }, rules: OKTA }, db);
      expect(result).toEqual({ ok: true, user: { id: user.id, email: user.email, name: user.name, role: "user", sessionVersion: 0 } });
      expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).lastSignInAt).not.toBeNull();
      const [event] = await events("user.signed_in", user.id);
      expect(event).toMatchObject({ actorType: "user", actorId: user.id, details: { method: "sso", matchedBy: "id_claim", claim: "sub", subject: externalId } });
    });

    it("audits a refusal with why", async () => {
      const { user, externalId } = await provisionedUser(db);
      await block(user.id, "scim");
      expect(await signInWithSso({ claims: { sub: externalId, email: user.email }, rules: OKTA }, db)).toEqual({ ok: false, reason: "blocked" });
      const [event] = await events("user.sign_in_refused", user.id);
      expect(event.details).toMatchObject({ reason: "blocked", claim: "sub", subject: externalId, jit: false });
      expect(await signInWithSso({ claims: { sub: "00ustranger" }, rules: OKTA }, db)).toEqual({ ok: false, reason: "not_provisioned" });
      const strangers = (await events("user.sign_in_refused")).filter((e) => e.details.subject === "00ustranger");
      expect(strangers).toEqual([expect.objectContaining({ targetId: null, details: expect.objectContaining({ reason: "not_provisioned" }) })]);
    });

    it("creates the account at first sign-in only with just-in-time creation on, once, findable by the IdP's userName", async () => {
      const sub = `00ujit${crypto.randomBytes(3).toString("hex")}`;
      const claims = { sub, email: `${sub}@example.com`, preferred_username: `${sub}@example.com`, name: "Jit User", given_name: "Jit", family_name: "User" };
      expect(await signInWithSso({ claims, rules: OKTA }, db)).toEqual({ ok: false, reason: "not_provisioned" });
      const first = await signInWithSso({ claims, rules: { ...OKTA, jit: true } }, db);
      expect(first.ok).toBe(true);
      const second = await signInWithSso({ claims, rules: { ...OKTA, jit: true } }, db);
      expect(second).toEqual(first);
      const id = first.ok ? first.user.id : "";
      const stored = await db.user.findUniqueOrThrow({ where: { id }, include: { scimIdentity: true, emails: true } });
      expect(stored).toMatchObject({ role: "user", state: "active", name: "Jit User", email: claims.email, givenName: "Jit" });
      expect(stored.scimIdentity).toMatchObject({ userName: claims.preferred_username, externalId: sub, active: true });
      expect(stored.emails.map((e) => e.value)).toEqual([claims.email]);
      const [created] = await events("user.created", id);
      expect(created.details).toMatchObject({ source: "sso_jit", externalId: sub });
    });

    it("never links just-in-time to an existing account with the same email", async () => {
      const admin = await localUser(db, { role: "admin" });
      const claims = { sub: "00utakeover", email: admin.email };
      expect(await signInWithSso({ claims, rules: { ...OKTA, jit: true, emailFallback: true } }, db)).toEqual({ ok: false, reason: "account_conflict" });
      expect(await db.scimIdentity.count({ where: { externalIdNorm: "00utakeover" } })).toBe(0);
    });

    it("never brings a blocked user back by just-in-time creation", async () => {
      const { user, externalId } = await provisionedUser(db);
      await block(user.id, "scim_delete");
      expect(await signInWithSso({ claims: { sub: externalId }, rules: { ...OKTA, jit: true } }, db)).toEqual({ ok: false, reason: "blocked" });
      expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).state).toBe("blocked");
    });
  });

  describe("sessions ended by a block", () => {
    it("are audited once per user and session version, however many requests see them at once", async () => {
      const { user } = await provisionedUser(db);
      await block(user.id, "scim");
      const writes = await Promise.all(
        Array.from({ length: 6 }, () => recordSessionEnded({ userId: user.id, tokenVersion: 0, reason: "blocked", username: user.username }, db)),
      );
      expect(writes.filter(Boolean)).toHaveLength(1);
      expect(await recordSessionEnded({ userId: user.id, tokenVersion: 0, reason: "blocked" }, db)).toBe(false);
      // A later block ends the sessions issued after the reactivation: a new event.
      await block(user.id, "scim", true);
      await block(user.id, "scim");
      expect(await recordSessionEnded({ userId: user.id, tokenVersion: 1, reason: "blocked" }, db)).toBe(true);
      const ended = await events("user.session_ended", user.id);
      expect(ended.map((e) => e.details)).toEqual([
        { reason: "blocked", sessionVersion: 0 },
        { reason: "blocked", sessionVersion: 1 },
      ]);
      expect(ended[0].targetLabel).toBe(user.username);
    });
  });

  describe("promotion", () => {
    it("makes a provisioned user an admin, audited; a second promotion is a no-op; a blocked user is refused", async () => {
      const admin = await localUser(db, { role: "admin" });
      const { user } = await provisionedUser(db);
      expect(await promoteUser({ userId: user.id, admin }, db)).toEqual({ changed: true, username: user.username });
      expect(await promoteUser({ userId: user.id, admin }, db)).toEqual({ changed: false, username: user.username });
      expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).role).toBe("admin");
      const promoted = await events("user.promoted", user.id);
      expect(promoted).toEqual([expect.objectContaining({ actorId: admin.id, details: { from: "user", to: "admin", provisioned: true } })]);

      const blocked = await provisionedUser(db);
      await block(blocked.user.id, "scim");
      await expect(promoteUser({ userId: blocked.user.id, admin }, db)).rejects.toThrow("Unblock this user");
      await expect(promoteUser({ userId: crypto.randomUUID(), admin }, db)).rejects.toThrow("no longer exists");
    });
  });
});
