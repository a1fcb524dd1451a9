import NextAuth, { CredentialsSignin } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { headers } from "next/headers";
import { env } from "@/env";
import { signInSchema } from "@/features/auth/schemas";
import { db } from "./db";
import { attemptSignIn, SESSION_MS } from "./sign-in";
import { ssoSignIn } from "./sso";
import { ssoKindOf, ssoProviders } from "./sso-providers";

export class SignInLockedError extends CredentialsSignin {
  code = "locked";
}

export class SignInBusyError extends CredentialsSignin {
  code = "busy";
}

/**
 * The client's address, for the per-address sign-in slow-down: the last X-Forwarded-For entry. In
 * production the start script's front server sets that header to exactly one address, from the socket
 * or from the Nth entry that TRUSTED_PROXIES names, whatever the client sent (ADR 005).
 */
export function clientIp(headers: Headers): string {
  const forwarded = headers
    .get("x-forwarded-for")
    ?.split(",")
    .map((part) => part.trim())
    .filter(Boolean)
    .at(-1);
  return forwarded || headers.get("x-real-ip") || "unknown";
}

// next-auth v5 with a JWT session (ADR 005). The token carries only the user id, the user's session
// version and this device's session row id; every request checks the row and reads roles and
// school from the database (server/session.ts).
export const { handlers, auth, signIn, signOut } = NextAuth({
  secret: env.AUTH_SECRET,
  trustHost: true,
  session: { strategy: "jwt", maxAge: SESSION_MS / 1000 },
  pages: { signIn: "/sign-in", error: "/sign-in" },
  logger: {
    error(error) {
      if (error instanceof CredentialsSignin) return;
      console.error(error);
    },
  },
  providers: [
    Credentials({
      credentials: { email: {}, password: {} },
      async authorize(credentials, request) {
        const parsed = signInSchema.safeParse(credentials);
        if (!parsed.success) return null;
        const result = await attemptSignIn(db, { ...parsed.data, ip: clientIp(request.headers) });
        if (result.status === "locked") throw new SignInLockedError();
        if (result.status === "busy") throw new SignInBusyError();
        if (result.status !== "ok") return null;
        return { id: result.userId, sessionVersion: result.sessionVersion, sessionId: result.sessionId };
      },
    }),
    ...ssoProviders(env),
  ],
  callbacks: {
    // Single sign-on (issue 12): the provider's claims decide, through server/sso.ts, whether an existing
    // account of a school that trusts this organisation signs in; a refusal goes back to the sign-in page
    // with its reason. There is no self-sign-up. On success the user object carries our session row to
    // the jwt callback below (without an adapter Auth.js passes the same object on).
    async signIn({ user, account, profile }) {
      if (!account || account.type === "credentials") return true;
      const kind = ssoKindOf(account.provider);
      if (!kind || !profile) return "/sign-in?sso=no-email";
      const result = await ssoSignIn(db, { provider: kind, claims: profile as Record<string, unknown>, ip: clientIp(await headers()) });
      if (result.status === "refused") return `/sign-in?sso=${result.reason}`;
      Object.assign(user, { id: result.userId, sessionVersion: result.sessionVersion, sessionId: result.sessionId });
      return true;
    },
    jwt({ token, user }) {
      if (user) {
        token.uid = user.id;
        token.sv = (user as { sessionVersion?: number }).sessionVersion;
        token.sid = (user as { sessionId?: string }).sessionId;
      }
      return token;
    },
    session({ session, token }) {
      return { ...session, userId: token.uid as string, sessionVersion: token.sv as number, sessionId: token.sid as string };
    },
  },
});
