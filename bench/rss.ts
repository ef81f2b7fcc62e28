import fs from 'node:fs';

export function rssMb(pid: number): number {
  try {
    const line = fs
      .readFileSync(`/proc/${pid}/status`, 'utf8')
      .split('\n')
      .find((l) => l.startsWith('VmRSS:'));
    return line ? Number(line.split(/\s+/)[1]) / 1024 : 0;
  } catch {
    return 0;
  }
}

/**
 * Samples the resident memory of named processes and keeps each one's peak in each phase of the run, so a figure can
 * be judged on the phases that are its own.
 */
export class PeakRss {
  private readonly phases = new Map<string, Map<string, number>>();
  private current = '';
  private readonly pids = new Map<string, number>();
  private readonly timer: NodeJS.Timeout;

  constructor(everyMs = 200) {
    this.phases.set(this.current, new Map());
    this.timer = setInterval(() => this.sample(), everyMs);
    this.timer.unref();
  }

  watch(name: string, pid: number | undefined): void {
    if (pid) this.pids.set(name, pid);
  }

  sample(): void {
    const peaks = this.phases.get(this.current)!;
    for (const [name, pid] of this.pids) peaks.set(name, Math.max(peaks.get(name) ?? 0, rssMb(pid)));
  }

  /** Starts a phase; returns the peaks of the one it ends, e.g. `P1 web 310 MB, worker 220 MB`. */
  phase(name: string): string {
    this.sample();
    const ended =
      this.current && `${this.current} ${[...this.phases.get(this.current)!].map(([n, mb]) => `${n} ${mb.toFixed(0)} MB`).join(', ')}`;
    this.current = name;
    this.phases.set(name, new Map(this.phases.get(name)));
    return ended;
  }

  /** The peak of one process over the phases named (every phase when none are). */
  peak(name: string, phases?: readonly string[]): number {
    this.sample();
    return Math.max(0, ...[...this.phases].filter(([phase]) => !phases || phases.includes(phase)).map(([, peaks]) => peaks.get(name) ?? 0));
  }

  stop(): void {
    this.sample();
    clearInterval(this.timer);
  }
}
