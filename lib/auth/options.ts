import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { z } from "zod";
import { recordEvent } from "../audit/record-event";
import { db } from "../db";
import { config } from "../env";
import { log } from "../log";
import { oidcProvider, OIDC_PROVIDER_ID } from "./oidc-provider";
import { DUMMY_HASH, verifyPassword } from "./password";
import type { SessionUser } from "./session-user";
import { signInWithSso } from "./sign-in-with-sso";

const credentials = z.object({ email: z.string().trim().min(1).max(320), password: z.string().min(1).max(1024) });

const SESSION_HOURS = 12;

export function authOptions(): NextAuthOptions {
  const c = config();
  // next-auth v4 builds its callback URLs from NEXTAUTH_URL: the configured public URL, never request headers.
  process.env.NEXTAUTH_URL ??= c.appUrl;
  return {
    secret: c.authSecret,
    session: { strategy: "jwt", maxAge: SESSION_HOURS * 3600 },
    useSecureCookies: c.secureCookies,
    pages: { signIn: "/login", error: "/login" },
    providers: [
      CredentialsProvider({
        name: "Email and password",
        credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
        async authorize(raw) {
          const parsed = credentials.safeParse(raw);
          if (!parsed.success) return null;
          return signInWithPassword(parsed.data.email, parsed.data.password);
        },
      }),
      ...(c.oidc ? [oidcProvider(c.oidc)] : []),
    ],
    callbacks: {
      async signIn({ user, account, profile }) {
        if (account?.provider !== OIDC_PROVIDER_ID || !c.oidc) return true;
        const result = await signInWithSso({ claims: (profile ?? {}) as Record<string, unknown>, rules: c.oidc });
        if (!result.ok) return `${c.appUrl}/login/refused?reason=${result.reason}`;
        // next-auth hands this same object to the jwt callback: the session is the matched account's.
        Object.assign(user, result.user);
        return true;
      },
      async jwt({ token, user }) {
        if (user) {
          const u = user as SessionUser;
          token.sub = u.id;
          token.role = u.role;
          token.sessionVersion = u.sessionVersion;
        }
        return token;
      },
      async session({ session, token }) {
        session.user = { ...session.user, id: token.sub ?? "", role: token.role ?? "user" };
        session.sessionVersion = token.sessionVersion;
        return session;
      },
    },
    logger: {
      error: (code, metadata) => log.error("auth error", { code, metadata }),
      warn: (code) => log.warn("auth warning", { code }),
      debug: () => {},
    },
  };
}

async function signInWithPassword(email: string, password: string): Promise<SessionUser | null> {
  const user = await db.user.findUnique({ where: { emailNorm: email.toLowerCase() } });
  // Compare against a dummy hash when there is no such account, so timing does not tell which emails exist.
  const ok = await verifyPassword(password, user?.passwordHash ?? DUMMY_HASH);
  if (!user || !user.passwordHash || !ok || user.state !== "active") {
    await recordEvent({
      actor: { type: "system", label: "sign-in" },
      action: "admin.sign_in_failed",
      target: user ? { type: "user", id: user.id, label: user.username } : undefined,
      details: { email, reason: !user ? "unknown account" : user.state !== "active" ? "blocked" : "wrong password" },
    });
    return null;
  }
  await db.user.update({ where: { id: user.id }, data: { lastSignInAt: new Date() } });
  await recordEvent({
    actor: { type: "user", id: user.id, label: user.username },
    action: "admin.signed_in",
    target: { type: "user", id: user.id, label: user.username },
  });
  return { id: user.id, email: user.email ?? "", name: user.name, role: user.role, sessionVersion: user.sessionVersion };
}
