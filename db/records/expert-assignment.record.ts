import { timestamps } from '../record/blocks.js';
import { declareRecord } from '../record/declare-record.js';
import { autoId, choice, integer, moment, reference, text } from '../record/fields.js';

/**
 * One expert's seat on one project's evaluation panel (评审专家抽取结果). It follows the project's office, which drew the
 * panel; the rule 专家重复 counts an expert's seats per unit and agency in a year and flags the expert.
 */
export const EXPERT_ASSIGNMENT = declareRecord({
  name: 'ExpertAssignment',
  table: 'expert_assignments',
  indexes: [{ fields: ['expertId', 'evaluatedAt'] }, { fields: ['projectId'] }, { fields: ['regionCode', 'evaluatedAt'] }],
  label: { zh: '专家评审记录', en: 'Expert assignments' },
  jurisdiction: { kind: 'region', field: 'regionCode' },
  fields: {
    id: autoId(),
    expertId: reference('experts', 'id', integer({ zh: '评审专家', en: 'Expert' })),
    projectId: reference('procurement_projects', 'id', integer({ zh: '采购项目', en: 'Project' })),
    regionCode: reference('regions', 'code', text(6, { zh: '所属辖区', en: 'Jurisdiction' })),
    role: choice(
      { leader: { zh: '评审组长', en: 'Panel chair' }, member: { zh: '评审成员', en: 'Panel member' } },
      { zh: '评审角色', en: 'Role' },
      { length: 10, default: 'member' },
    ),
    evaluatedAt: moment({ zh: '评审时间', en: 'Evaluated at' }),
    ...timestamps(),
  },
});
