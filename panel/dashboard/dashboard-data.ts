import type { JobQueue, QueueHealth } from '../../queue/job-types.js';
import type { SessionUser } from '../../db/jurisdiction-scope.js';
import { previousLoginNotice } from '../../domain/login-notice.js';
import { readsBusinessRecords } from '../../domain/jurisdiction.js';
import { dashboardCharts, type DashboardCharts } from './charts.js';
import { pendingWork, type PendingCard } from './pending-work.js';

export interface DashboardData {
  user: {
    displayName: string;
    role: string;
    regionName: string;
    /** The account's earlier logins as they stood at this session's login (domain/login-notice.ts). */
    loginNotice: { text: string; warning: boolean } | null;
  } | null;
  queue: QueueHealth;
  pending: PendingCard[];
  charts: DashboardCharts | null;
}

const CHART_TTL_MS = 60_000;

/**
 * What GET /admin/api/dashboard answers. Pending counts are read live (a decision shows at once); the charts are
 * aggregates over whole years and are kept a minute per jurisdiction, so a busy morning does not repeat them.
 */
export function dashboardSource(queue: JobQueue): (user: SessionUser | undefined) => Promise<DashboardData> {
  const charts = new Map<string, { at: number; data: DashboardCharts }>();
  return async (user) => {
    const health = await queue.health();
    if (!user) return { user: null, queue: health, pending: [], charts: null };
    const greeting = {
      displayName: user.displayName,
      role: user.role,
      regionName: user.regionName,
      loginNotice: user.previousLogin ? previousLoginNotice(user.previousLogin) : null,
    };
    // The security and the audit administrator see no procurement records, so no business figures either.
    if (!readsBusinessRecords(user.role)) return { user: greeting, queue: health, pending: [], charts: null };
    const key = `${user.role}:${user.regionCode}`;
    let cached = charts.get(key);
    if (!cached || Date.now() - cached.at > CHART_TTL_MS) {
      cached = { at: Date.now(), data: await dashboardCharts(user) };
      charts.set(key, cached);
    }
    return {
      user: greeting,
      queue: health,
      pending: await pendingWork(user),
      charts: cached.data,
    };
  };
}
