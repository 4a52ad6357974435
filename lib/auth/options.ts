import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { z } from "zod";
import { config } from "../env";
import { log } from "../log";
import { clientAddress } from "../sign-in-throttle/client-address";
import { peerAddress } from "../sign-in-throttle/peer-address";
import { oidcProvider, OIDC_PROVIDER_ID } from "./oidc-provider";
import type { SessionUser } from "./session-user";
import { signInWithPassword } from "./sign-in-with-password";
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
        async authorize(raw, req) {
          const parsed = credentials.safeParse(raw);
          if (!parsed.success) return null;
          const headers = (req.headers ?? {}) as Record<string, string | undefined>;
          const address = clientAddress({ forwardedFor: headers["x-forwarded-for"], peer: peerAddress(headers), trustProxy: c.trustProxy });
          return signInWithPassword({ ...parsed.data, address });
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
