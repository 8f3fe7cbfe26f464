// `node bench/cpuprofile.mjs FILE.cpuprofile [N]`: where a CPU profile's time went — the top N
// functions by self time, the time by file (node_modules/<package> grouped), and the top N by
// inclusive time (each function counted once per sample). Pairs with
// `PROFILE=dir npx tsx bench/today-goal.ts`, which profiles each call's loop alone.
import { readFileSync } from "node:fs";

const [file, limit = "30"] = process.argv.slice(2);
if (!file) throw new Error("usage: node bench/cpuprofile.mjs FILE.cpuprofile [N]");
const top = Number(limit);
const profile = JSON.parse(readFileSync(file, "utf8"));
const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
const parent = new Map();
for (const n of profile.nodes) for (const child of n.children ?? []) parent.set(child, n.id);
const where = (n) =>
  n.callFrame.url
    .replace(/.*node_modules\//, "nm/")
    .replace(/^file:\/\/.*?\/(apps|packages|bench)\//, "$1/");
const name = (n) =>
  `${n.callFrame.functionName || "(anonymous)"} ${where(n)}:${n.callFrame.lineNumber}`;
const sampled = new Map();
profile.samples.forEach((id, i) => {
  sampled.set(id, (sampled.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000);
});
const self = new Map();
const byFile = new Map();
const inclusive = new Map();
const add = (map, key, ms) => map.set(key, (map.get(key) ?? 0) + ms);
let total = 0;
for (const [id, ms] of sampled) {
  const n = nodes.get(id);
  total += ms;
  add(self, name(n), ms);
  add(byFile, where(n).split("/").slice(0, 3).join("/") || "(native, GC, idle)", ms);
  const seen = new Set();
  for (let at = id; at !== undefined; at = parent.get(at)) {
    const key = name(nodes.get(at));
    if (!seen.has(key)) add(inclusive, key, ms);
    seen.add(key);
  }
}
const list = (map, n) =>
  [...map]
    .sort((a, b) => b[1] - a[1])
    .slice(0, n)
    .map(
      ([k, ms]) =>
        `${ms.toFixed(0).padStart(7)} ms ${((100 * ms) / total).toFixed(1).padStart(5)}%  ${k}`,
    )
    .join("\n");
console.log(`total ${total.toFixed(0)} ms`);
console.log(`-- self --\n${list(self, top)}`);
console.log(`-- by file --\n${list(byFile, 20)}`);
console.log(`-- inclusive --\n${list(inclusive, top)}`);
