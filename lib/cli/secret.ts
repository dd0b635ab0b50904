import { randomBytes } from "node:crypto";
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";

/**
 * NEXTAUTH_SECRET from the environment, else the one generated on first start and kept in the
 * data folder (mode 600), so sessions survive restarts without a manual .env step.
 */
export function ensureSecret(dataDir: string): { secret: string; generated: boolean; file?: string } {
  if (process.env.NEXTAUTH_SECRET) return { secret: process.env.NEXTAUTH_SECRET, generated: false };
  const file = path.join(dataDir, "nextauth-secret");
  if (existsSync(file)) {
    const stored = readFileSync(file, "utf8").trim();
    if (stored.length >= 32) return { secret: stored, generated: false, file };
  }
  mkdirSync(dataDir, { recursive: true });
  const secret = randomBytes(48).toString("base64url");
  writeFileSync(file, `${secret}\n`, { mode: 0o600 });
  chmodSync(file, 0o600);
  return { secret, generated: true, file };
}
