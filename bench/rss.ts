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

/** Samples the resident memory of named processes and keeps each one's peak, overall and in the current phase. */
export class PeakRss {
  private readonly peaks = new Map<string, number>();
  private readonly phasePeaks = new Map<string, number>();
  private current = '';
  private readonly pids = new Map<string, number>();
  private readonly timer: NodeJS.Timeout;

  constructor(everyMs = 200) {
    this.timer = setInterval(() => this.sample(), everyMs);
    this.timer.unref();
  }

  watch(name: string, pid: number | undefined): void {
    if (pid) this.pids.set(name, pid);
  }

  sample(): void {
    for (const [name, pid] of this.pids) {
      const rss = rssMb(pid);
      this.peaks.set(name, Math.max(this.peaks.get(name) ?? 0, rss));
      this.phasePeaks.set(name, Math.max(this.phasePeaks.get(name) ?? 0, rss));
    }
  }

  /** Starts a phase; returns the peaks of the one it ends, e.g. `P1 web 310 MB, worker 220 MB`. */
  phase(name: string): string {
    this.sample();
    const ended = this.current && `${this.current} ${[...this.phasePeaks].map(([n, mb]) => `${n} ${mb.toFixed(0)} MB`).join(', ')}`;
    this.current = name;
    this.phasePeaks.clear();
    return ended;
  }

  peak(name: string): number {
    return this.peaks.get(name) ?? 0;
  }

  stop(): void {
    this.sample();
    clearInterval(this.timer);
  }
}
