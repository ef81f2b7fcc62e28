import fs from 'node:fs';
import { parseArgs } from 'node:util';

/**
 * What a CPU profile (`BENCH_PROFILE=1`, or `node --cpu-prof`) spent its time on, as text: self time by function,
 * time including callees, and the roots (a request's synchronous part and each asynchronous continuation are roots
 * of their own). `--last 6` counts only the profile's last six seconds (the timed requests, not the start-up);
 * `--per 1600` divides by that many requests.
 *
 *   npx tsx bench/profile-summary.ts bench/results/profiles/CPU.….cpuprofile --last 6 --per 1600
 */
interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { last: { type: 'string' }, per: { type: 'string' }, top: { type: 'string', default: '30' } },
});
if (positionals.length !== 1) {
  console.error('usage: tsx bench/profile-summary.ts <file.cpuprofile> [--last seconds] [--per requests] [--top n]');
  process.exit(2);
}

const profile = JSON.parse(fs.readFileSync(positionals[0]!, 'utf8')) as Profile;
const nodes = new Map(profile.nodes.map((node) => [node.id, node]));
const parentOf = new Map<number, number>();
for (const node of profile.nodes) for (const child of node.children ?? []) parentOf.set(child, node.id);

const span = profile.timeDeltas.reduce((sum, delta) => sum + delta, 0);
const from = values.last ? span - Number(values.last) * 1e6 : 0;
const sampled = new Map<number, number>();
let clock = 0;
profile.samples.forEach((id, i) => {
  clock += profile.timeDeltas[i] ?? 0;
  if (clock > from) sampled.set(id, (sampled.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0));
});

const name = (node: ProfileNode) => {
  const file = node.callFrame.url.replace(/^.*node_modules\//, '').replace(/^file:\/\/.*?\/(dist|server|bench)\//, '$1/');
  return `${node.callFrame.functionName || '(anonymous)'} ${file}:${node.callFrame.lineNumber + 1}`;
};
const self = new Map<string, number>();
const inclusive = new Map<string, number>();
const roots = new Map<string, number>();
for (const [id, time] of sampled) {
  const own = name(nodes.get(id)!);
  self.set(own, (self.get(own) ?? 0) + time);
  const seen = new Set<string>();
  let root = id;
  for (let at: number | undefined = id; at !== undefined; at = parentOf.get(at)) {
    const label = name(nodes.get(at)!);
    if (!seen.has(label)) inclusive.set(label, (inclusive.get(label) ?? 0) + time);
    seen.add(label);
    if (parentOf.get(at) === profile.nodes[0]!.id) root = at;
  }
  const rootLabel = name(nodes.get(root)!);
  roots.set(rootLabel, (roots.get(rootLabel) ?? 0) + time);
}

const per = Number(values.per ?? 1);
const unit = values.per ? 'ms/request' : 'ms';
const total = [...sampled.values()].reduce((sum, time) => sum + time, 0);
const print = (title: string, table: Map<string, number>) => {
  console.log(`\n${title} (${unit})`);
  for (const [label, time] of [...table].sort((a, b) => b[1] - a[1]).slice(0, Number(values.top))) {
    console.log(`${(time / 1000 / per).toFixed(3).padStart(10)}  ${((100 * time) / total).toFixed(1).padStart(5)} %  ${label}`);
  }
};
console.log(`${positionals[0]}: ${(total / 1e6).toFixed(2)} s sampled${values.last ? ` (the last ${values.last} s)` : ''}`);
print('roots: the synchronous part of each event and each continuation', roots);
print('self', self);
print('including callees', inclusive);
