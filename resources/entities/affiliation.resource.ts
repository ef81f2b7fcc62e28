import { supervisoryActions, type SupervisoryActionSpec } from '../../actions/supervisory-action.js';
import { choiceLabels } from '../../db/record/record-locale.js';
import { AFFILIATION } from '../../db/records/affiliation.record.js';
import type { ResourceDefinition } from '../resource-definition.js';
import { Affiliation } from '../../db/models/entities/affiliation.model.js';
import { ProcurementUnit } from '../../db/models/entities/procurement-unit.model.js';
import { Region } from '../../db/models/system/region.model.js';

const AFFILIATION_STATUS_LABELS = choiceLabels(AFFILIATION.fields.status, 'zh');

const chinaTime = (at: Date) => at.toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai' });

const unbindAffiliation: SupervisoryActionSpec<Affiliation> = {
  name: 'unbindAffiliation',
  label: '解除隶属关系',
  resourceId: 'Affiliation',
  model: Affiliation,
  from: ['pending', 'confirmed'],
  stateLabels: AFFILIATION_STATUS_LABELS,
  reason: 'required',
  // The supervisor confirms an unbinding only after seeing which link it cuts: two units of one name are common.
  inspect: async (affiliation, _user, transaction) => {
    const [subordinate, supervising, region] = await Promise.all([
      ProcurementUnit.findByPk(affiliation.subordinateUnitId, { attributes: ['name', 'unitBudgetCode'], transaction }),
      ProcurementUnit.findByPk(affiliation.supervisingUnitId, { attributes: ['name', 'unitBudgetCode'], transaction }),
      Region.findByPk(affiliation.regionCode, { attributes: ['name'], transaction }),
    ]);
    const unit = (u: ProcurementUnit | null, id: number) => (u ? `${u.name}（预算编码 ${u.unitBudgetCode}）` : `#${id}`);
    return {
      details: [
        { label: '下级预算单位', value: unit(subordinate, affiliation.subordinateUnitId) },
        { label: '主管预算单位', value: unit(supervising, affiliation.supervisingUnitId) },
        { label: '所属辖区', value: region ? `${region.name}（${affiliation.regionCode}）` : affiliation.regionCode },
        { label: '状态', value: AFFILIATION_STATUS_LABELS[affiliation.status] ?? affiliation.status },
        { label: '申请时间', value: chinaTime(affiliation.requestedAt) },
        ...(affiliation.confirmedAt ? [{ label: '确认时间', value: chinaTime(affiliation.confirmedAt) }] : []),
      ],
    };
  },
  apply: (_row, { user, reason, now }) => ({ status: 'unbound', unboundAt: now, unboundBy: user.displayName, unbindReason: reason }),
  success: () => '已解除隶属关系，下级单位可重新选择主管预算单位',
  icon: 'Scissors',
  variant: 'danger',
};

export const affiliationResource: ResourceDefinition = {
  id: 'Affiliation',
  model: Affiliation,
  builtInActions: ['list', 'show', 'search'],
  virtualProperties: ['history'],
  options: {
    properties: {
      unbindReason: { type: 'textarea' },
    },
    actions: supervisoryActions(unbindAffiliation),
  },
};
