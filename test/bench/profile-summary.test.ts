import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

// The README's per-request breakdowns come from this tool; its sums must be the profile's.
describe('bench/profile-summary: where a CPU profile spent its time', () => {
  const frame = (functionName: string, url = '') => ({ functionName, url, lineNumber: 0, columnNumber: 0, scriptId: '0' });
  // root ─┬─ (idle)
  //       ├─ handle (express/lib/application.js) ── query (dist/server/a.js)
  //       └─ continuation (dist/server/b.js)
  const profile = {
    nodes: [
      { id: 1, callFrame: frame('(root)'), children: [2, 3, 5] },
      { id: 2, callFrame: frame('(idle)') },
      { id: 3, callFrame: frame('handle', 'file:///x/node_modules/express/lib/application.js'), children: [4] },
      { id: 4, callFrame: frame('query', 'file:///x/dist/server/a.js') },
      { id: 5, callFrame: frame('continuation', 'file:///x/dist/server/b.js') },
    ],
    startTime: 0,
    endTime: 10_000,
    // in time order: two idle samples first, then the requests' work
    samples: [2, 2, 4, 4, 4, 3, 5, 5],
    timeDeltas: [1000, 1000, 1000, 1000, 1000, 1000, 1000, 1000],
  };
  let file: string;
  beforeAll(() => {
    file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'jxcg-profile-')), 'web.cpuprofile');
    fs.writeFileSync(file, JSON.stringify(profile));
  });
  afterAll(() => fs.rmSync(path.dirname(file), { recursive: true, force: true }));

  const run = (...args: string[]) =>
    execFileSync(process.execPath, ['--import', 'tsx', 'bench/profile-summary.ts', file, ...args], { encoding: 'utf8' });
  const section = (output: string, title: string) => output.split('\n\n').find((part) => part.startsWith(title))!;

  it('adds up self time, time with callees and time by root, divided by the requests', () => {
    const output = run('--per', '2');
    expect(output).toMatch(/0\.01 s sampled/);
    expect(section(output, 'self')).toMatch(/1\.500\s+37\.5 %\s+query dist\/server\/a\.js:1/);
    expect(section(output, 'including callees')).toMatch(/2\.000\s+50\.0 %\s+handle express\/lib\/application\.js:1/);
    expect(section(output, 'roots')).toMatch(/2\.000\s+50\.0 %\s+handle express/);
    expect(section(output, 'roots')).toMatch(/1\.000\s+25\.0 %\s+continuation dist\/server\/b\.js:1/);
  });

  it('counts only the last seconds asked for', () => {
    // the last 0.003 s hold the samples of handle itself and the two of the continuation
    const output = run('--last', '0.003');
    expect(section(output, 'self')).not.toMatch(/query/);
    expect(section(output, 'roots')).toMatch(/2\.000\s+66\.7 %\s+continuation/);
  });
});
