import { parentRegion } from '../jurisdiction.js';
import { RISK_RULE_LABELS, type RiskRuleCode } from './rule-codes.js';

/**
 * 监管案件's steps: assigned to the office of the flags' region (已分办), it questions the purchasing unit (已质询), records
 * the answer (已答复) and concludes (已办结), or transfers the case to the office above (已移交), which then handles it
 * from where it stood. Each step is open to the office that holds the case.
 */
export type CaseStatus = 'assigned' | 'questioned' | 'answered' | 'concluded' | 'transferred';

export const CASE_STEPS_FROM = {
  question: ['assigned', 'answered', 'transferred'],
  answer: ['questioned'],
  conclude: ['assigned', 'answered', 'transferred'],
  transfer: ['assigned', 'questioned', 'answered', 'transferred'],
} as const satisfies Record<string, readonly CaseStatus[]>;

/** The office a case is transferred to; null for a case the province holds, which has nobody above it. */
export function transferTarget(regionCode: string): string | null {
  return parentRegion(regionCode);
}

export const NO_OFFICE_ABOVE = '省级采购监管处承办的案件没有上级机关可以移交，请直接办结';

/** A case's name from its flags: the rules' names, then the first subject and how many there are. */
export function caseTitle(flags: ReadonlyArray<{ rule: RiskRuleCode; subjectLabel: string }>): string {
  const rules = [...new Set(flags.map((f) => RISK_RULE_LABELS[f.rule]))].join('、');
  const subjects = [...new Set(flags.map((f) => f.subjectLabel))];
  const title = `${rules}：${subjects[0] ?? ''}${subjects.length > 1 ? ` 等 ${subjects.length} 项` : ''}`;
  return title.length <= 300 ? title : `${title.slice(0, 299)}…`;
}

/** 案件编号: AJ, the year, the handling office's region and the case's serial number (AJ2026360121000012). */
export function caseNumber(year: number, regionCode: string, id: number): string {
  return `AJ${year}${regionCode}${String(id).padStart(6, '0')}`;
}

/** The share of concluded cases found 不属实, per rule: how often a rule's flags were false alarms. */
export function unfoundedShare(concluded: ReadonlyArray<{ rule: string; conclusion: string | null }>): Array<{
  rule: string;
  concluded: number;
  unfounded: number;
  share: number;
}> {
  const byRule = new Map<string, { concluded: number; unfounded: number }>();
  for (const c of concluded) {
    const counts = byRule.get(c.rule) ?? { concluded: 0, unfounded: 0 };
    counts.concluded += 1;
    if (c.conclusion === 'unfounded') counts.unfounded += 1;
    byRule.set(c.rule, counts);
  }
  return [...byRule.entries()]
    .map(([rule, counts]) => ({ rule, ...counts, share: counts.unfounded / counts.concluded }))
    .sort((a, b) => b.share - a.share || b.concluded - a.concluded);
}
