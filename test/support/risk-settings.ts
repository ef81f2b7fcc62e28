import type { RiskContext, RuleSettings, RiskSeverity } from '../../domain/risk/risk-flag.js';
import { CN_CALENDAR } from './calendar.js';

/** A rule's settings as config/risk-rules.yaml would give them, with the thresholds a test names. */
export function settingsOf<T>(
  thresholds: T,
  severity: { default?: RiskSeverity; bands?: Array<{ atLeast: number; severity: RiskSeverity }> } = {},
): RuleSettings<T> {
  return {
    label: '测试指标',
    enabled: true,
    thresholds,
    basis: '测试依据',
    why: null,
    severity: { default: severity.default ?? 'yellow', bands: severity.bands ?? [] },
  };
}

/** Weights 3 / 2 / 1, the national calendar, 400万元 public-tender thresholds (200万元 for goods in 南昌县 360121). */
export const RISK_CONTEXT: RiskContext = {
  weights: { red: 3, orange: 2, yellow: 1 },
  calendar: CN_CALENDAR,
  publicTenderThresholds: (regionCode) => ({
    goods: regionCode === '360121' ? 2_000_000 : 4_000_000,
    services: 4_000_000,
    works: 4_000_000,
  }),
};
