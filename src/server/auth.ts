import NextAuth, { CredentialsSignin } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { env } from "@/env";
import { signInSchema } from "@/features/auth/schemas";
import { db } from "./db";
import { attemptSignIn } from "./sign-in";

export class SignInLockedError extends CredentialsSignin {
  code = "locked";
}

/**
 * The address used for the per-address sign-in lock: the last X-Forwarded-For entry, which is the
 * one the nearest proxy added (earlier entries are whatever the client sent). Deploy behind a proxy
 * that appends it (ADR 005).
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

// next-auth v5 with a JWT session (ADR 005). The token carries only the user id and session
// version; roles and school are read from the database on every request (server/session.ts).
export const { handlers, auth, signIn, signOut } = NextAuth({
  secret: env.AUTH_SECRET,
  trustHost: true,
  session: { strategy: "jwt", maxAge: 8 * 60 * 60 },
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
        if (result.status !== "ok") return null;
        return { id: result.userId, sessionVersion: result.sessionVersion };
      },
    }),
  ],
  callbacks: {
    jwt({ token, user }) {
      if (user) {
        token.uid = user.id;
        token.sv = (user as { sessionVersion?: number }).sessionVersion;
      }
      return token;
    },
    session({ session, token }) {
      return { ...session, userId: token.uid as string, sessionVersion: token.sv as number };
    },
  },
});
