import { supervisoryActions, type SupervisoryActionSpec } from '../../actions/supervisory-action.js';
import { MONEY } from '../property-types.js';
import type { ResourceDefinition } from '../resource-definition.js';
import { AcceptanceFiling } from '../../db/models/filings/acceptance-filing.model.js';
import { ContractFiling } from '../../db/models/filings/contract-filing.model.js';
import { refreshPushVerdicts } from '../../services/filings/filing-eligibility.js';

const deleteAcceptance: SupervisoryActionSpec<AcceptanceFiling> = {
  name: 'deleteAcceptance',
  label: '删除验收单',
  resourceId: 'AcceptanceFiling',
  model: AcceptanceFiling,
  statusField: null,
  from: [],
  stateLabels: {},
  removes: true,
  reason: 'required',
  inspect: async (acceptance, _user, transaction) => {
    const filing = await ContractFiling.findByPk(acceptance.contractFilingId, { transaction });
    const details = [
      { label: '合同编号', value: filing?.contractNo ?? '（无）' },
      { label: '验收日期', value: acceptance.acceptedAt },
      { label: '验收金额（元）', value: String(acceptance.acceptedAmount) },
    ];
    if (filing?.pushStatus === 'queued') return { details, refusal: '该合同备案正在推送中，请等推送完成后再删除验收单' };
    return { details };
  },
  apply: () => ({}),
  afterCommit: async (acceptance) => {
    await refreshPushVerdicts({ id: acceptance.contractFilingId });
  },
  success: () => '已删除验收单，可退回合同备案补正后重新验收',
  icon: 'Trash2',
  variant: 'danger',
};

export const acceptanceFilingResource: ResourceDefinition = {
  id: 'AcceptanceFiling',
  model: AcceptanceFiling,
  builtInActions: ['list', 'show', 'search'],
  virtualProperties: ['history'],
  options: {
    properties: { acceptedAmount: MONEY, contractFilingId: { reference: 'ContractFiling' } },
    actions: supervisoryActions(deleteAcceptance),
  },
};
