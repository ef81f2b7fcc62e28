import { LIST_EXACT_COUNT_DEFAULT } from '../../settings/env.js';
import { COUNTY_NAME_FILTER, YEAR_FILTER } from '../budget-rows.js';
import { pairedLatencies, percentile } from '../latency.js';
import { progress } from '../progress.js';
import { figure, type Figure } from '../results.js';
import { login } from '../stack.js';

export const COUNTY = { username: 'nanchangxian', region: '360121', label: '县（南昌县）' };
export const PROVINCE = { username: 'province', region: 'all', label: '省' };

interface Variant {
  label: string;
  panelQuery: string;
  baselineQuery: string;
}

export function variants(region: string): Variant[] {
  const name = COUNTY_NAME_FILTER(COUNTY.region);
  return [
    { label: '不筛选', panelQuery: '', baselineQuery: `region=${region}` },
    {
      label: `预算年度=${YEAR_FILTER}`,
      panelQuery: `&filters.fiscalYear=${YEAR_FILTER}`,
      baselineQuery: `region=${region}&fiscalYear=${YEAR_FILTER}`,
    },
    {
      label: `单位名称含“${name}”`,
      panelQuery: `&filters.unitName=${encodeURIComponent(name)}`,
      baselineQuery: `region=${region}&unitName=${encodeURIComponent(name)}`,
    },
  ];
}

async function getJson(url: string, headers: Record<string, string> = {}): Promise<any> {
  const response = await fetch(url, { headers });
  if (response.status !== 200) throw new Error(`${url}: HTTP ${response.status} ${(await response.text()).slice(0, 300)}`);
  return response.json();
}

export interface ListTiming {
  user: string;
  variant: string;
  project: number;
  baseline: number;
  total: number;
}

/**
 * Page 1 of 20 with its count, as the panel's list API serves it and as the bare route does, both checked to agree
 * on the total before timing starts.
 */
export async function timeList(
  panelUrl: string,
  baselineUrl: string,
  user: typeof COUNTY,
  variant: Variant,
  rounds: { warmup: number; requests: number },
): Promise<ListTiming> {
  const cookie = await login(panelUrl, user.username);
  const panel = `${panelUrl}/admin/api/resources/IntegrationBudget/actions/list?page=1&perPage=20${variant.panelQuery}`;
  const bare = `${baselineUrl}/budgets?${variant.baselineQuery}`;
  const [ours, theirs] = [await getJson(panel, { cookie }), await getJson(bare)];
  // Past LIST_EXACT_COUNT_LIMIT the panel states its total as an estimate or a lower bound (README "Lists over a million
  // rows"): it must then be past the limit by the baseline's count too, and the rows must still agree.
  const totalsAgree = ours.meta.totalIs === 'exact' ? ours.meta.total === theirs.total : theirs.total > LIST_EXACT_COUNT_DEFAULT;
  if (!totalsAgree || ours.records.length !== theirs.records.length) {
    throw new Error(
      `${user.label} ${variant.label}: panel total ${ours.meta.total} / ${ours.records.length} rows, baseline ${theirs.total} / ${theirs.records.length}`,
    );
  }
  progress(`  ${user.label} ${variant.label}: ${ours.meta.total} rows match; ${rounds.requests} requests each side`);
  const times = await pairedLatencies(
    async () => {
      await getJson(panel, { cookie });
    },
    async () => {
      await getJson(bare);
    },
    rounds,
  );
  return {
    user: user.label,
    variant: variant.label,
    total: ours.meta.total,
    project: percentile(times.project, 95),
    baseline: percentile(times.baseline, 95),
  };
}

/** Every list of the figure: the three variants, as the county and as the province. */
export async function timeEveryList(
  panelUrl: string,
  baselineUrl: string,
  rounds: { warmup: number; requests: number },
): Promise<ListTiming[]> {
  const timings: ListTiming[] = [];
  for (const user of [COUNTY, PROVINCE]) {
    for (const variant of variants(user.region)) timings.push(await timeList(panelUrl, baselineUrl, user, variant, rounds));
  }
  return timings;
}

export function listFigure(id: string, timing: ListTiming, rows: string): Figure {
  return figure(id, `列表 p95 ${timing.user} ${timing.variant}（${rows}行）`, 'ms', timing.project, timing.baseline, {
    on: 'ratio',
    op: '<=',
    limit: 1.5,
  });
}
