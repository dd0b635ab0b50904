import { encode } from "next-auth/jwt";
import type { HttpClient } from "./http";
import { MAX_REVIEWS_PER_DAY, NEW_PER_DAY, PASSWORD, ROLLOVER_HOUR, TIME_ZONE, type Account } from "./population";

/**
 * Sessions for the bench's learners, shared by the SQLite and the PostgreSQL servers (both get the
 * secret startServer gives every server).
 */

export const SECRET = "e2e-secret-e2e-secret-e2e-secret-e2e-secret"; // what startServer gives the server
const COOKIE_NAME = "next-auth.session-token";

export interface Session extends Account {
  cookie: string;
}

/** next-auth's own encode(): the cookie a sign-in would set, without a second of argon2. */
export async function mintCookie(a: Account): Promise<string> {
  const token = await encode({ token: { name: "Bench learner", email: a.email, sub: a.id, uid: a.id, sv: 0 }, secret: SECRET, maxAge: 24 * 3600 });
  return `${COOKIE_NAME}=${token}`;
}

function cookiesOf(setCookie: string[] | undefined): Map<string, string> {
  const out = new Map<string, string>();
  for (const c of setCookie ?? []) {
    const [pair] = c.split(";");
    const eq = pair.indexOf("=");
    out.set(pair.slice(0, eq).trim(), pair.slice(eq + 1));
  }
  return out;
}

/** The real sign-in: next-auth's CSRF token, then the credentials callback; keeps the session cookie. */
export async function signIn(client: HttpClient, a: Account): Promise<string> {
  const csrf = await client.request("GET", "/api/auth/csrf");
  const jar = cookiesOf(csrf.headers["set-cookie"]);
  const { csrfToken } = JSON.parse(csrf.text) as { csrfToken: string };
  const body = new URLSearchParams({ csrfToken, email: a.email, password: PASSWORD, json: "true" }).toString();
  const res = await client.request(
    "POST",
    "/api/auth/callback/credentials",
    { "Content-Type": "application/x-www-form-urlencoded", Cookie: [...jar].map(([k, v]) => `${k}=${v}`).join("; "), Origin: client.origin },
    body,
  );
  const session = cookiesOf(res.headers["set-cookie"]).get(COOKIE_NAME);
  if (!session) throw new Error(`sign-in of ${a.email} failed: ${res.status} ${res.text.slice(0, 200)}`);
  return `${COOKIE_NAME}=${session}`;
}

/** The first `real` accounts sign in through next-auth; the rest get minted cookies. */
export function withCookies(client: HttpClient, list: Account[], real = 0): Promise<Session[]> {
  return Promise.all(list.map(async (a, i) => ({ ...a, cookie: i < real ? await signIn(client, a) : await mintCookie(a) })));
}

/** Fails loudly when a signed-in and a minted session do not both open the review page. */
export async function checkSessions(client: HttpClient, signedIn: Session, minted: Session): Promise<void> {
  for (const s of [signedIn, minted]) {
    const res = await client.request("GET", "/review", { Cookie: s.cookie });
    if (res.status !== 200) throw new Error(`GET /review with a ${s === signedIn ? "signed-in" : "minted"} session: ${res.status}`);
  }
}

export const learnerOf = (id: string) => ({ id, timeZone: TIME_ZONE, rolloverHour: ROLLOVER_HOUR, newPerDay: NEW_PER_DAY, maxReviewsPerDay: MAX_REVIEWS_PER_DAY });
