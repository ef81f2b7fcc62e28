import type { Sequelize } from 'sequelize';
import { intentionShortfallDays } from '../../../domain/risk/short-intention-notice.js';
import { riskRules } from '../../../settings/risk-rules.js';
import { initRecord, recordModel } from '../../record/record-model.js';
import { PROCUREMENT_INTENTION } from '../../records/procurement-intention.record.js';

/** A published procurement intention (采购意向公开); a procurement may start no sooner than the days config/risk-rules.yaml sets after it. */
export class ProcurementIntention extends recordModel(PROCUREMENT_INTENTION) {
  static initialize(sequelize: Sequelize): void {
    initRecord(ProcurementIntention, sequelize, PROCUREMENT_INTENTION, {
      hooks: {
        // The flag is stored so the list can filter on it; it follows the two dates whenever either changes, with the
        // number of days the 意向公开不足 risk rule uses.
        beforeSave: (intention) => {
          const { minDays } = riskRules().rules.shortIntentionNotice.thresholds;
          const shortfall = intention.procurementStartAt
            ? intentionShortfallDays(intention.publishedAt, intention.procurementStartAt, minDays)
            : 0;
          intention.shortfallDays = shortfall;
          intention.insufficientNotice = shortfall > 0;
        },
      },
    });
  }
}
