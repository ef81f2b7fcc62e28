import fs from 'node:fs';
import path from 'node:path';
import { ROOT } from './processes.js';

/** One row of the table and of bench/results/latest.json. */
export interface Figure {
  id: string;
  name: string;
  unit: string;
  value: number;
  baseline: number | null;
  ratio: number | null;
  target: string;
  pass: boolean;
}

export interface Target {
  on: 'ratio' | 'value';
  op: '>=' | '<=';
  limit: number;
}

const round = (n: number) => Math.round(n * 1000) / 1000;

export function figure(id: string, name: string, unit: string, value: number, baseline: number | null, target: Target): Figure {
  const ratio = baseline ? value / baseline : null;
  const measured = target.on === 'ratio' ? ratio : value;
  const pass = measured !== null && Number.isFinite(measured) && (target.op === '>=' ? measured >= target.limit : measured <= target.limit);
  return {
    id,
    name,
    unit,
    value: round(value),
    baseline: baseline === null ? null : round(baseline),
    ratio: ratio === null ? null : round(ratio),
    target: `${target.on === 'ratio' ? 'ratio' : unit} ${target.op === '>=' ? '≥' : '≤'} ${target.limit}`,
    pass,
  };
}

const width = (text: string) => [...text].reduce((w, c) => w + (c.charCodeAt(0) > 0x2e80 ? 2 : 1), 0);
const pad = (text: string, n: number) => text + ' '.repeat(Math.max(0, n - width(text)));

export function printTable(figures: Figure[], header: string): void {
  const rows = [
    ['id', 'figure', 'project', 'baseline', 'ratio', 'target', 'result'],
    ...figures.map((f) => [
      f.id,
      f.name,
      `${f.value} ${f.unit}`,
      f.baseline === null ? '—' : `${f.baseline} ${f.unit}`,
      f.ratio === null ? '—' : f.ratio.toFixed(2),
      f.target,
      f.pass ? '达标' : '未达标',
    ]),
  ];
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((r) => width(r[c]!))));
  console.log(`\n${header}`);
  for (const [i, row] of rows.entries()) {
    console.log(row.map((cell, c) => pad(cell, widths[c]!)).join('  '));
    if (i === 0) console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  }
}

export function writeResults(figures: Figure[]): string {
  const file = path.join(ROOT, 'bench', 'results', 'latest.json');
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, JSON.stringify(figures, null, 2) + '\n');
  return file;
}
