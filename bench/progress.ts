const started = Date.now();

/** One line saying what the bench is doing now, with the time since it began. */
export function progress(message: string): void {
  const seconds = ((Date.now() - started) / 1000).toFixed(0).padStart(4);
  process.stdout.write(`[${seconds} s] ${message}\n`);
}
