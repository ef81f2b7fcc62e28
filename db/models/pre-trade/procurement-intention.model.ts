import type { Sequelize } from 'sequelize';
import { intentionShortfallDays } from '../../../domain/pre-procurement.js';
import { initRecord, recordModel } from '../../record/record-model.js';
import { PROCUREMENT_INTENTION } from '../../records/procurement-intention.record.js';

/** A published procurement intention (采购意向公开); a procurement may start no sooner than 30 days after it. */
export class ProcurementIntention extends recordModel(PROCUREMENT_INTENTION) {
  static initialize(sequelize: Sequelize): void {
    initRecord(ProcurementIntention, sequelize, PROCUREMENT_INTENTION, {
      hooks: {
        // The flag is stored so the list can filter on it; it follows the two dates whenever either changes.
        beforeSave: (intention) => {
          const shortfall = intention.procurementStartAt ? intentionShortfallDays(intention.publishedAt, intention.procurementStartAt) : 0;
          intention.shortfallDays = shortfall;
          intention.insufficientNotice = shortfall > 0;
        },
      },
    });
  }
}
