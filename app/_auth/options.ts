import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { readyDb } from "@/lib/db/client";
import { verifyCredentials } from "@/lib/accounts/sign-in";
import { createLimiters, type Limiters } from "@/lib/accounts/rate-limit";
import { endSessions } from "@/lib/accounts/settings";
import { clientIp } from "./client-ip";

/** One set per client: readyDb replaces a client whose database was unreachable. */
const limitersByDb = new WeakMap<object, Limiters>();

/** Error codes the sign-in form turns into messages. */
export const SIGN_IN_ERROR = { invalid: "invalid", rateLimited: "rate-limited" } as const;

export const authOptions: NextAuthOptions = {
  session: { strategy: "jwt", maxAge: 30 * 24 * 60 * 60 },
  pages: { signIn: "/signin" },
  providers: [
    CredentialsProvider({
      name: "credentials",
      credentials: { email: { type: "email" }, password: { type: "password" } },
      async authorize(credentials, req) {
        const db = await readyDb();
        let limiters = limitersByDb.get(db);
        if (!limiters) limitersByDb.set(db, (limiters = createLimiters(db)));
        const result = await verifyCredentials(db, limiters, {
          email: credentials?.email,
          password: credentials?.password,
          clientIp: clientIp(req?.headers),
        });
        if (result.ok) {
          return { id: result.user.id, name: result.user.name, email: result.user.email, sv: result.user.sessionVersion };
        }
        // next-auth passes the thrown message to the client as `error`.
        if (result.reason === "rate-limited") throw new Error(`${SIGN_IN_ERROR.rateLimited}:${result.retryAfterSec}`);
        throw new Error(SIGN_IN_ERROR.invalid);
      },
    }),
  ],
  callbacks: {
    async jwt({ token, user }) {
      if (user) {
        token.uid = user.id;
        token.sv = (user as { sv?: number }).sv ?? 0;
      }
      return token;
    },
    async session({ session, token }) {
      session.user = { ...session.user, id: token.uid as string, sv: token.sv as number };
      return session;
    },
  },
  events: {
    async signOut({ token }) {
      if (token?.uid) await endSessions(await readyDb(), token.uid as string);
    },
  },
};
