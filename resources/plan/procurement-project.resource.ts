import { Op, type WhereOptions } from 'sequelize';
import { MONEY, PROCUREMENT_METHOD } from '../property-types.js';
import type { RelatedRecords, ResourceDefinition } from '../resource-definition.js';
import { flagsOf } from '../risk/flag-subjects.js';
import { ProcurementProject } from '../../db/models/plan/procurement-project.model.js';
import { ProjectBudgetLine } from '../../db/models/plan/project-budget-line.model.js';

const model = ProcurementProject;
const options: ResourceDefinition['options'] = {
  titleProperty: 'name',
  properties: {
    procurementUnitId: { reference: 'ProcurementUnit' },
    budgetAmount: MONEY,
    procurementMethod: PROCUREMENT_METHOD,
  },
};

/** Everything a project produced: its budget lines, announcements, registrations, awards, post-award data, payments, evaluators. */
const PROJECT_RELATED: ResourceDefinition['related'] = [
  'ProjectBudgetLine',
  'Announcement',
  'SupplierRegistration',
  'AwardNotice',
  'SelfRunAwardNotice',
  'PostAwardRecord',
  'PaymentApplication',
  'ExpertAssignment',
]
  .map((resourceId): RelatedRecords => ({ resourceId, foreignKey: 'projectId' }))
  .concat(flagsOf('ProcurementProject'));

/** The five read-only 计划管理 views of one project table; each keeps its own columns in config/resources.yaml. */
function projectView(id: string, viewWhere?: WhereOptions): ResourceDefinition {
  return { id, model, ...(viewWhere && { viewWhere }), builtInActions: ['list', 'show', 'search'], related: PROJECT_RELATED, options };
}

/** 查看项目预算审核: every project, with its budget review. The other views' references point here. */
export const procurementProjectResource = projectView('ProcurementProject');
/** 查看项目组织形式 */
export const projectOrganisationResource = projectView('ProjectOrganisation');
/** 查看指定集采中心: centralised projects and the agency designated for them. */
export const designatedAgencyProjectResource = projectView('DesignatedAgencyProject', { organisationForm: 'centralized' });
/** 查看采购机构和采购方式: departmental and decentralised projects. */
export const projectAgencyMethodResource = projectView('ProjectAgencyMethod', {
  organisationForm: { [Op.in]: ['departmental', 'decentralized'] },
});
/** 委托社会代理: projects entrusted to a social agency. */
export const entrustedAgencyProjectResource = projectView('EntrustedAgencyProject', { socialAgencyName: { [Op.ne]: null } });

/** A project's budget lines; reached from the project's page, not from the menu. */
export const projectBudgetLineResource: ResourceDefinition = {
  id: 'ProjectBudgetLine',
  model: ProjectBudgetLine,
  builtInActions: ['list', 'show'],
  hiddenFromMenu: true,
  options: {
    titleProperty: 'budgetNo',
    properties: { projectId: { reference: 'ProcurementProject' }, amount: MONEY },
  },
};
