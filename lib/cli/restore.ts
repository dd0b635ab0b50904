/**
 * `npm run db:restore <file>`: puts a backup in place of the database, with the server stopped.
 * Refuses while the database is open elsewhere, and refuses a file that fails PRAGMA
 * integrity_check or is not a KubeCards database. The replaced database is kept beside it.
 */
import { databaseUrl, sqliteFile } from "@/lib/db/url";
import { restoreDatabase, RestoreRefused } from "@/lib/ops/backup";

function main(): number {
  const args = process.argv.slice(2).filter((a) => a !== "--");
  if (args.length !== 1 || args[0] === "-h" || args[0] === "--help") {
    console.log("Usage: npm run db:restore <backup-file>   (stop the server first)");
    return args.length === 1 ? 0 : 2;
  }
  const url = databaseUrl();
  if (!url.startsWith("file:")) {
    console.error(`[kubecards] DATABASE_URL is not a SQLite file (${url.split(":")[0]}:…); restore it with its own tools.`);
    return 1;
  }
  try {
    const r = restoreDatabase(args[0], sqliteFile(url));
    for (const w of r.warnings) console.warn(`[kubecards] Note: ${w}`);
    if (r.previous) console.log(`[kubecards] The database it replaced is kept as ${r.previous}`);
    console.log(`[kubecards] Restored ${args[0]} to ${r.restored} (${r.learners} learners, ${r.reviewLogs} review log rows).`);
    console.log("[kubecards] Start the server (npm start); it applies any newer migrations to the restored database.");
    return 0;
  } catch (e) {
    console.error(`[kubecards] ${e instanceof RestoreRefused ? e.message : `Restore failed: ${(e as Error).message}`}`);
    return 1;
  }
}

process.exit(main());
