import type { Sequelize } from 'sequelize';
import { initRecord, recordModel } from '../../record/record-model.js';
import { EXPERT_SPECIALTY_REVIEW } from '../../records/expert-specialty-review.record.js';

/** An expert's application for an evaluation specialty (评标专业), reviewed city → province → 省公管办. */
export class ExpertSpecialtyReview extends recordModel(EXPERT_SPECIALTY_REVIEW) {
  static initialize(sequelize: Sequelize): void {
    initRecord(ExpertSpecialtyReview, sequelize, EXPERT_SPECIALTY_REVIEW);
  }
}
