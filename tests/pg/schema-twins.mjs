#!/usr/bin/env node
/**
 * The PostgreSQL schema (prisma/postgres/schema.prisma) is a copy of prisma/schema.prisma with its
 * own generator and datasource blocks. This check fails when the two differ in anything else
 * (models, enums, attributes, `///` doc comments; `//` comment lines and blank lines are ignored).
 *
 *   node tests/pg/schema-twins.mjs           check (exit 1 and a diff-like report on a difference)
 *   node tests/pg/schema-twins.mjs --write   rewrite the PostgreSQL copy's models from the SQLite schema
 */
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "../..");
const SQLITE = path.join(root, "prisma/schema.prisma");
const PG = path.join(root, "prisma/postgres/schema.prisma");

/** Splits a schema into its provider-specific head (generator/datasource blocks) and the rest. */
function split(text) {
  const head = [];
  const body = [];
  let block = null;
  let depth = 0;
  for (const line of text.split("\n")) {
    if (block === null && /^\s*(generator|datasource)\s+\w+\s*\{/.test(line)) block = [];
    if (block !== null) {
      block.push(line);
      depth += (line.match(/\{/g) ?? []).length - (line.match(/\}/g) ?? []).length;
      if (depth === 0) {
        head.push(...(head.length ? [""] : []), ...block);
        block = null;
      }
      continue;
    }
    body.push(line);
  }
  return { head, body };
}

/** What must be equal: every line that is not blank and not a `//` comment, trailing spaces trimmed. */
const significant = (lines) => lines.map((l) => l.replace(/\s+$/, "")).filter((l) => l.trim() !== "" && !/^\s*\/\/(?!\/)/.test(l));

const sqlite = split(readFileSync(SQLITE, "utf8"));
const pgText = readFileSync(PG, "utf8");
const pg = split(pgText);

if (process.argv.includes("--write")) {
  // Keep the PostgreSQL file's own leading comment and head blocks, then the SQLite file's models.
  const start = (body) => {
    const i = body.findIndex((l) => /^\s*(model|enum|view|type)\s+\w+/.test(l) || /^\s*\/\/\//.test(l));
    return i < 0 ? body.length : i;
  };
  const pgLead = pg.body.slice(0, start(pg.body)).filter((l) => /^\s*\/\//.test(l));
  const out = [...pgLead, "", ...pg.head, "", ...sqlite.body.slice(start(sqlite.body))].join("\n").replace(/\n{3,}/g, "\n\n").replace(/^\n+/, "");
  writeFileSync(PG, out);
  console.log(`rewrote the models of ${path.relative(root, PG)} from ${path.relative(root, SQLITE)}`);
  process.exit(0);
}

const a = significant(sqlite.body);
const b = significant(pg.body);
const problems = [];
for (let i = 0; i < Math.max(a.length, b.length); i++) {
  if (a[i] !== b[i]) {
    problems.push(`  first difference at significant line ${i + 1}:\n    prisma/schema.prisma:          ${a[i] ?? "(end of file)"}\n    prisma/postgres/schema.prisma: ${b[i] ?? "(end of file)"}`);
    break;
  }
}
if (!/provider\s*=\s*"postgresql"/.test(pg.head.join("\n"))) problems.push('  prisma/postgres/schema.prisma: the datasource provider must be "postgresql"');
if (problems.length) {
  console.error("Schema twins differ: prisma/postgres/schema.prisma must have the same models as prisma/schema.prisma.");
  console.error(problems.join("\n"));
  console.error("Fix: node tests/pg/schema-twins.mjs --write (then add a PostgreSQL migration, see README).");
  process.exit(1);
}
console.log("the PostgreSQL schema has the same models as the SQLite schema");
