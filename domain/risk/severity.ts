/** How serious a flag is and where it sorts: severity by the money at stake, score = weight × amount. */
import type { RiskSeverity, SeverityPolicy, SeverityWeights } from './risk-flag.js';

const RANK: Readonly<Record<RiskSeverity, number>> = { yellow: 0, orange: 1, red: 2 };

/** The default, or the most serious band the amount (fen) reaches; a band never lowers the default. */
export function severityFor(amountFen: number, policy: SeverityPolicy): RiskSeverity {
  let severity = policy.default;
  for (const band of policy.bands) {
    if (amountFen >= Math.round(band.atLeast * 100) && RANK[band.severity] > RANK[severity]) severity = band.severity;
  }
  return severity;
}

/** Fen, rounded to the fen: the weights may have decimals. */
export function scoreFen(amountFen: number, severity: RiskSeverity, weights: SeverityWeights): number {
  return Math.round(amountFen * weights[severity]);
}
