#!/usr/bin/env node
// Fails when a landed migration was edited, removed or reordered, or a new one sorts before a
// landed one. `--update` records new migrations in the lock (run it once when you add one).
import { createHash } from "node:crypto";
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";

const dir = "packages/storage/src/migrations";
const lockPath = join(dir, "migrations.lock.json");
const namePattern = /^\d{8}T\d{4}_[a-z0-9_]+\.ts$/;

const files = readdirSync(dir)
  .filter((f) => f.endsWith(".ts") && f !== "index.ts" && !f.endsWith(".test.ts"))
  .sort();
const lock = JSON.parse(readFileSync(lockPath, "utf8"));
const problems = [];
const sha = (f) =>
  createHash("sha256")
    .update(readFileSync(join(dir, f)))
    .digest("hex");

for (const f of files) {
  if (!namePattern.test(f)) problems.push(`${f}: name must be YYYYMMDDTHHMM_snake_name.ts`);
}
const landed = Object.keys(lock);
for (const name of landed) {
  const file = `${name}.ts`;
  if (!files.includes(file)) problems.push(`${name}: a landed migration was removed`);
  else if (sha(file) !== lock[name]) problems.push(`${name}: a landed migration was edited`);
}
const lastLanded = landed.sort().at(-1) ?? "";
const fresh = files.map((f) => f.slice(0, -3)).filter((n) => !(n in lock));
for (const name of fresh) {
  if (name < lastLanded) problems.push(`${name}: sorts before the landed ${lastLanded}`);
}
if (!process.argv.includes("--update")) {
  for (const name of fresh) {
    problems.push(`${name}: not in the lock; run \`npm run migrations:lock\` when you add one`);
  }
}
const index = readFileSync(join(dir, "index.ts"), "utf8");
for (const f of files) {
  const name = f.slice(0, -3);
  if (!index.includes(`"${name}"`)) problems.push(`${name}: not listed in migrations/index.ts`);
}

if (process.argv.includes("--update") && problems.length === 0) {
  for (const name of fresh) lock[name] = sha(`${name}.ts`);
  writeFileSync(lockPath, `${JSON.stringify(lock, null, 2)}\n`);
  console.log(`migrations: recorded ${fresh.length} new migration(s) in the lock`);
} else if (problems.length > 0) {
  console.error(`migrations: ${problems.length} problem(s)\n  ${problems.join("\n  ")}`);
  process.exit(1);
} else {
  console.log(`migrations: ${files.length} in order, none edited`);
}
