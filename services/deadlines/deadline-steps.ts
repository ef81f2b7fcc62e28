import { Op, type Model, type ModelStatic, type WhereOptions } from 'sequelize';
import { deadlineStepOf } from '../../db/record/pending-work.js';
import { PAYMENT_APPLICATION } from '../../db/records/payment-application.record.js';
import { PROCUREMENT_UNIT } from '../../db/records/procurement-unit.record.js';
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
  {
    step: 'expertReview',
    model: Expert as unknown as ModelStatic<Model>,
    resourceId: 'Expert',
    regionField: 'registrationRegion',
    titleField: 'name',
    pending: { state: 'submitted' },
    startOf: (row) => row.submittedAt as Date,
  },
  {
    step: 'specialtyReview',
    model: ExpertSpecialtyReview as unknown as ModelStatic<Model>,
    resourceId: 'ExpertSpecialtyReview',
    regionField: 'registrationRegion',
    titleField: 'specialtyName',
    pending: { state: { [Op.in]: ['city_review', 'province_review', 'gongguanban_review'] } },
    // Each level has its own time limit, counted from the day the previous level passed it on.
    startOf: (row) =>
      (row.state === 'gongguanban_review'
        ? row.provinceReviewedAt
        : row.state === 'province_review'
          ? (row.cityReviewedAt ?? row.appliedAt)
          : row.appliedAt) as Date,
  },
  {
    step: 'failedTenderConfirmation',
    model: FailedTenderHandling as unknown as ModelStatic<Model>,
    resourceId: 'FailedTenderHandling',
    regionField: 'regionCode',
    titleField: 'projectName',
    pending: { state: 'awaiting_supervisor' },
    startOf: (row) => row.unitApprovedAt as Date,
  },
  {
    step: 'preAwardConfirmation',
    model: PreAwardAnomaly as unknown as ModelStatic<Model>,
    resourceId: 'PreAwardAnomaly',
    regionField: 'regionCode',
    titleField: 'projectName',
    pending: { state: 'awaiting_supervisor' },
    startOf: (row) => row.unitApprovedAt as Date,
  },
  { ...deadlineStepOf(PAYMENT_APPLICATION), model: PaymentApplication },
  {
    step: 'methodChangeApproval',
    model: MethodChangeRequest as unknown as ModelStatic<Model>,
    resourceId: 'MethodChangeRequest',
    regionField: 'regionCode',
    titleField: 'projectName',
    pending: { state: 'submitted' },
    startOf: (row) => row.submittedAt as Date,
  },
  {
    step: 'importProductApproval',
    model: ImportProductRequest as unknown as ModelStatic<Model>,
    resourceId: 'ImportProductRequest',
    regionField: 'regionCode',
    titleField: 'projectName',
    pending: { state: 'submitted' },
    startOf: (row) => row.submittedAt as Date,
  },
];
