/**
 * `npm run db:backup [file]`: a consistent snapshot of the database while the server runs, through
 * SQLite's online backup API. Default file: <DATA_DIR>/backups/kubecards-<timestamp>.db.
 */
import path from "node:path";
import { dataDir, databaseUrl, sqliteFile } from "@/lib/db/url";
import { backupDatabase, BackupFailed, defaultBackupFile, formatBytes } from "@/lib/ops/backup";

async function main(): Promise<number> {
  const args = process.argv.slice(2).filter((a) => a !== "--");
  if (args.length > 1 || args.some((a) => a === "-h" || a === "--help")) {
    console.log("Usage: npm run db:backup [file]   (default: <DATA_DIR>/backups/kubecards-<timestamp>.db)");
    return args.length > 1 ? 2 : 0;
  }
  const url = databaseUrl();
  if (!url.startsWith("file:")) {
    console.error(`[kubecards] DATABASE_URL is not a SQLite file (${url.split(":")[0]}:…); back it up with its own tools.`);
    return 1;
  }
  const source = sqliteFile(url);
  const dest = args[0] ? path.resolve(args[0]) : defaultBackupFile(dataDir());
  try {
    const r = await backupDatabase(source, dest);
    console.log(`[kubecards] Backup written: ${r.file}`);
    console.log(`[kubecards] ${formatBytes(r.bytes)} (${r.bytes} bytes); integrity_check: ${r.integrity.join(", ")}; ${r.learners} learners, ${r.reviewLogs} review log rows`);
    return 0;
  } catch (e) {
    console.error(`[kubecards] ${e instanceof BackupFailed ? e.message : `Backup failed: ${(e as Error).message}`}`);
    return 1;
  }
}

main().then((code) => process.exit(code));
