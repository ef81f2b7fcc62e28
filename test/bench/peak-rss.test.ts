import { PeakRss } from '../../bench/rss.js';

// P4 is judged on P1–P3's phases and P9 on its own: each must read its phases' peaks, not the run's.
describe('bench/rss: peaks by phase', () => {
  it('keeps each phase its own peak, and the peak over the phases named', () => {
    const rss = new PeakRss(60_000);
    rss.watch('self', process.pid);
    rss.watch('gone', 2 ** 22 + 1);
    expect(rss.phase('P1')).toBe('');
    const first = rss.peak('self', ['P1']);
    expect(first).toBeGreaterThan(0);
    expect(rss.phase('P9')).toMatch(/^P1 self \d+ MB, gone 0 MB$/);
    expect(rss.peak('self', ['P9'])).toBeGreaterThan(0);
    expect(rss.peak('self', ['P7'])).toBe(0);
    expect(rss.peak('gone')).toBe(0);
    expect(rss.peak('self')).toBeGreaterThanOrEqual(first);
    rss.stop();
  });
});
