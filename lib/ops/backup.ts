/**
 * Online backups and offline restores of the SQLite database.
 *
 * A backup goes through SQLite's online backup API, which copies the pages a single read
 * transaction sees: a consistent snapshot even while the server keeps grading (WAL readers do not
 * block writers, so the server never waits for it). A restore swaps the file in while the server
 * is stopped, and keeps the database it replaces.
 */
import Database from "better-sqlite3";
import { chmodSync, copyFileSync, existsSync, mkdirSync, renameSync, rmSync, statSync } from "node:fs";
import path from "node:path";
import { integrityCheck } from "./replay";

/** Tables that make a file a KubeCards database rather than any SQLite file. */
export const REQUIRED_TABLES = ["User", "ReviewLog"] as const;

export class RestoreRefused extends Error {}
export class BackupFailed extends Error {}

/** 2026-11-25T11-42-07-123Z: sortable, and safe in a file name everywhere. */
export function fileTimestamp(now = new Date()): string {
  return now.toISOString().replace(/[:.]/g, "-");
}

export function defaultBackupFile(dataDir: string, now = new Date()): string {
  return path.join(dataDir, "backups", `kubecards-${fileTimestamp(now)}.db`);
}

export interface SnapshotReport {
  /** ["ok"] when sound; otherwise what PRAGMA integrity_check found (or why the file could not be read). */
  integrity: string[];
  missingTables: string[];
  learners: number;
  reviewLogs: number;
}

export function snapshotOk(r: SnapshotReport): boolean {
  return r.integrity.length === 1 && r.integrity[0] === "ok" && r.missingTables.length === 0;
}

/** Integrity and shape of a database file (opened read-only; the file is not changed). */
export function inspectSnapshot(file: string): SnapshotReport {
  let sqlite: Database.Database | undefined;
  try {
    sqlite = new Database(file, { readonly: true, fileMustExist: true });
    const integrity = integrityCheck(sqlite);
    const tables = new Set((sqlite.prepare("select name from sqlite_master where type = 'table'").all() as { name: string }[]).map((t) => t.name));
    const missingTables = REQUIRED_TABLES.filter((t) => !tables.has(t));
    const count = (t: string) => (tables.has(t) ? (sqlite!.prepare(`select count(*) as n from "${t}"`).get() as { n: number }).n : 0);
    return { integrity, missingTables, learners: count("User"), reviewLogs: count("ReviewLog") };
  } catch (e) {
    return { integrity: [`unreadable: ${(e as Error).message}`], missingTables: [...REQUIRED_TABLES], learners: 0, reviewLogs: 0 };
  } finally {
    sqlite?.close();
  }
}

function removeWithSidecars(file: string): void {
  for (const suffix of ["", "-wal", "-shm", "-journal"]) rmSync(file + suffix, { force: true });
}

export interface BackupResult extends SnapshotReport {
  file: string;
  bytes: number;
}

/**
 * Writes a consistent snapshot of `sourceFile` to `destFile` (which must not exist yet), checks
 * it, and leaves it as one self-contained file (rollback journal, not WAL) readable only by the
 * owner: it holds password hashes. Safe while the server runs.
 */
export async function backupDatabase(sourceFile: string, destFile: string): Promise<BackupResult> {
  if (!existsSync(sourceFile)) throw new BackupFailed(`No database at ${sourceFile}`);
  if (existsSync(destFile)) throw new BackupFailed(`${destFile} already exists; choose another file name`);
  if (path.resolve(sourceFile) === path.resolve(destFile)) throw new BackupFailed("The backup cannot be the database itself");
  const dir = path.dirname(destFile);
  if (!existsSync(dir)) mkdirSync(dir, { recursive: true, mode: 0o700 });

  // Written beside the destination and renamed when checked: a crash never leaves a file that
  // looks like a finished backup.
  const partial = `${destFile}.partial`;
  removeWithSidecars(partial);
  const source = new Database(sourceFile, { fileMustExist: true, timeout: 5000 });
  try {
    // After a first empty step, everything in one step: one read transaction, so concurrent
    // writes by the server cannot make the copy restart again and again.
    await source.backup(partial, { progress: () => 0x7fffffff });
  } catch (e) {
    removeWithSidecars(partial);
    throw new BackupFailed(`Backup failed: ${(e as Error).message}`);
  } finally {
    source.close();
  }

  try {
    const snapshot = new Database(partial, { fileMustExist: true });
    try {
      snapshot.pragma("journal_mode = DELETE");
    } finally {
      snapshot.close();
    }
    chmodSync(partial, 0o600);
    const report = inspectSnapshot(partial);
    if (!snapshotOk(report)) {
      throw new BackupFailed(`The snapshot failed its check: ${[...report.integrity, ...report.missingTables.map((t) => `missing table ${t}`)].join("; ")}`);
    }
    renameSync(partial, destFile);
    return { ...report, file: destFile, bytes: statSync(destFile).size };
  } finally {
    removeWithSidecars(partial);
  }
}

/**
 * Takes the database for this connection alone, or refuses when another connection has it open (a
 * running server keeps one open). In WAL mode every open connection holds a shared lock, so an
 * exclusive lock is refused even while the server is idle; after a crash no lock is left and this
 * connection recovers the WAL instead. Returns null for a file SQLite cannot read at all.
 */
function lockExclusively(file: string): Database.Database | null {
  const sqlite = new Database(file, { fileMustExist: true, timeout: 0 });
  try {
    sqlite.pragma("locking_mode = EXCLUSIVE");
    sqlite.exec("BEGIN EXCLUSIVE");
    sqlite.prepare("select count(*) from sqlite_master").get();
    sqlite.exec("COMMIT");
    return sqlite;
  } catch (e) {
    sqlite.close();
    const code = (e as { code?: string }).code ?? "";
    if (code.startsWith("SQLITE_BUSY") || code.startsWith("SQLITE_LOCKED")) {
      throw new RestoreRefused(`${file} is in use (is the server running?). Stop the server, then restore.`);
    }
    if (code.startsWith("SQLITE_NOTADB") || code.startsWith("SQLITE_CORRUPT")) return null;
    throw new RestoreRefused(`Cannot open the current database ${file}: ${(e as Error).message}`);
  }
}

export interface RestoreResult {
  restored: string;
  /** The database that was replaced, kept beside it (none when there was no database yet). */
  previous: string | null;
  learners: number;
  reviewLogs: number;
  warnings: string[];
}

/**
 * Replaces `targetFile` with the backup. Refuses while the database is open elsewhere, and
 * refuses a backup that fails PRAGMA integrity_check or is not a KubeCards database. The current
 * database (with its WAL folded in) is kept as `<db>.before-restore-<timestamp>`; stale -wal and
 * -shm files are removed so SQLite cannot replay an old WAL into the restored file.
 */
export function restoreDatabase(backupFile: string, targetFile: string, now = new Date()): RestoreResult {
  const source = path.resolve(backupFile);
  const target = path.resolve(targetFile);
  if (!existsSync(source)) throw new RestoreRefused(`No backup at ${source}`);
  if (source === target) throw new RestoreRefused("The backup is the database itself");
  for (const suffix of ["-wal", "-shm"]) {
    if (existsSync(source + suffix)) {
      throw new RestoreRefused(`${source} has a ${suffix} file beside it: it is a live database, not a backup (make one with npm run db:backup)`);
    }
  }

  const stamp = fileTimestamp(now);
  const staged = `${target}.restore-${stamp}.tmp`;
  mkdirSync(path.dirname(target), { recursive: true });
  removeWithSidecars(staged);
  try {
    // Check exactly the bytes that will be put in place.
    copyFileSync(source, staged);
    chmodSync(staged, 0o600);
    try {
      // A copy of a WAL-mode file becomes a plain file; the server turns WAL on again.
      const sqlite = new Database(staged, { fileMustExist: true });
      try {
        sqlite.pragma("journal_mode = DELETE");
      } finally {
        sqlite.close();
      }
    } catch (e) {
      throw new RestoreRefused(`Refusing to restore ${source}: it is not a readable SQLite database (${(e as Error).message})`);
    }
    const report = inspectSnapshot(staged);
    if (!snapshotOk(report)) {
      const why = report.missingTables.length && report.integrity[0] === "ok" ? `not a KubeCards database (no ${report.missingTables.join(", ")} table)` : `it fails the integrity check: ${report.integrity.slice(0, 5).join("; ")}`;
      throw new RestoreRefused(`Refusing to restore ${source}: ${why}`);
    }

    let previous: string | null = null;
    const warnings: string[] = [];
    if (existsSync(target)) {
      previous = `${target}.before-restore-${stamp}`;
      const live = lockExclusively(target);
      if (live) {
        try {
          // Fold any WAL left by a crash into the file, so the kept copy is complete on its own.
          live.pragma("wal_checkpoint(TRUNCATE)");
          copyFileSync(target, previous);
        } finally {
          live.close();
        }
      } else {
        // Damaged beyond SQLite's reading (the usual reason to restore): keep it as it is.
        warnings.push(`${target} is not a readable database; it was kept unchanged as ${previous} (with its -wal, if any)`);
        copyFileSync(target, previous);
        if (existsSync(`${target}-wal`)) copyFileSync(`${target}-wal`, `${previous}-wal`);
      }
      chmodSync(previous, 0o600);
    }
    rmSync(`${target}-wal`, { force: true });
    rmSync(`${target}-shm`, { force: true });
    rmSync(`${target}-journal`, { force: true });
    renameSync(staged, target);
    return { restored: target, previous, learners: report.learners, reviewLogs: report.reviewLogs, warnings };
  } finally {
    removeWithSidecars(staged);
  }
}

export function formatBytes(n: number): string {
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} KiB`;
  return `${(n / 1024 / 1024).toFixed(1)} MiB`;
}
