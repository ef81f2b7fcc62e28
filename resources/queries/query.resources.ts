import { MONEY } from '../property-types.js';
import type { ResourceDefinition } from '../resource-definition.js';
import { flagsOf } from '../risk/flag-subjects.js';
import { AwardNotice } from '../../db/models/queries/award-notice.model.js';
import { PostAwardRecord } from '../../db/models/queries/post-award-record.model.js';
import { SupplierRegistration } from '../../db/models/queries/supplier-registration.model.js';

const readOnly = ['list', 'show', 'search'] as const;
const project = { reference: 'ProcurementProject' };

/** 报名情况 */
export const supplierRegistrationResource: ResourceDefinition = {
  id: 'SupplierRegistration',
  model: SupplierRegistration,
  builtInActions: readOnly,
  options: { titleProperty: 'supplierName', properties: { projectId: project } },
};

const awardNoticeOptions: ResourceDefinition['options'] = {
  titleProperty: 'noticeNo',
  properties: { projectId: project, awardAmount: MONEY, kind: { isVisible: false } },
};

function awardNoticeView(id: string, kind: AwardNotice['kind']): ResourceDefinition {
  return {
    id,
    model: AwardNotice,
    viewWhere: { kind },
    builtInActions: readOnly,
    // Both views of the one table: a notice's flags name it as an AwardNotice.
    related: [flagsOf('AwardNotice')],
    options: awardNoticeOptions,
  };
}

/** 中标通知书: of procurements entrusted to an agency. */
export const awardNoticeResource = awardNoticeView('AwardNotice', 'entrusted');
/** 自行采购中标通知书 */
export const selfRunAwardNoticeResource = awardNoticeView('SelfRunAwardNotice', 'self_run');

/** 标后数据 */
export const postAwardRecordResource: ResourceDefinition = {
  id: 'PostAwardRecord',
  model: PostAwardRecord,
  builtInActions: readOnly,
  options: {
    titleProperty: 'contractNo',
    properties: { projectId: project, contractAmount: MONEY, paidAmount: MONEY },
  },
};
