import type { Model, ModelStatic, WhereOptions } from 'sequelize';
import { deadlineStepOf } from '../../db/record/pending-work.js';
import { PAYMENT_APPLICATION } from '../../db/records/payment-application.record.js';
import { PROCUREMENT_UNIT } from '../../db/records/procurement-unit.record.js';
import { EXPERT } from '../../db/records/expert.record.js';
import { EXPERT_SPECIALTY_REVIEW } from '../../db/records/expert-specialty-review.record.js';
import { IMPORT_PRODUCT_REQUEST } from '../../db/records/import-product-request.record.js';
import { METHOD_CHANGE_REQUEST } from '../../db/records/method-change-request.record.js';
import { PRE_AWARD_ANOMALY } from '../../db/records/pre-award-anomaly.record.js';
import { FAILED_TENDER_HANDLING } from '../../db/records/failed-tender-handling.record.js';
import { SUPERVISION_CASE } from '../../db/records/supervision-case.record.js';
import { SupervisionCase } from '../../db/models/risk/supervision-case.model.js';
import type { DecisionStep } from '../../domain/escalation-target.js';
import { FailedTenderHandling } from '../../db/models/anomalies/failed-tender-handling.model.js';
import { PreAwardAnomaly } from '../../db/models/anomalies/pre-award-anomaly.model.js';
import { ProcurementUnit } from '../../db/models/entities/procurement-unit.model.js';
import { ExpertSpecialtyReview } from '../../db/models/experts/expert-specialty-review.model.js';
import { Expert } from '../../db/models/experts/expert.model.js';
import { PaymentApplication } from '../../db/models/payments/payment-application.model.js';
import { ImportProductRequest } from '../../db/models/pre-trade/import-product-request.model.js';
import { MethodChangeRequest } from '../../db/models/pre-trade/method-change-request.model.js';

/** A kind of record that waits for a supervisor, and when its clock started. */
export interface DeadlineStepDef {
  step: DecisionStep;
  model: ModelStatic<Model>;
  resourceId: string;
  regionField: string;
  titleField: string;
  pending: WhereOptions;
  startOf: (row: Record<string, unknown>) => Date | string | null | undefined;
}

export const DEADLINE_STEP_DEFS: readonly DeadlineStepDef[] = [
  { ...deadlineStepOf(PROCUREMENT_UNIT), model: ProcurementUnit },
  { ...deadlineStepOf(EXPERT), model: Expert },
  {
    ...deadlineStepOf(EXPERT_SPECIALTY_REVIEW),
    model: ExpertSpecialtyReview,
    // Each level has its own time limit, counted from the day the previous level passed it on.
    startOf: (row) =>
      (row.state === 'gongguanban_review'
        ? row.provinceReviewedAt
        : row.state === 'province_review'
          ? (row.cityReviewedAt ?? row.appliedAt)
          : row.appliedAt) as Date,
  },
  { ...deadlineStepOf(FAILED_TENDER_HANDLING), model: FailedTenderHandling },
  { ...deadlineStepOf(PRE_AWARD_ANOMALY), model: PreAwardAnomaly },
  { ...deadlineStepOf(PAYMENT_APPLICATION), model: PaymentApplication },
  { ...deadlineStepOf(METHOD_CHANGE_REQUEST), model: MethodChangeRequest },
  { ...deadlineStepOf(IMPORT_PRODUCT_REQUEST), model: ImportProductRequest },
  { ...deadlineStepOf(SUPERVISION_CASE), model: SupervisionCase },
];
