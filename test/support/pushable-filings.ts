import { Op } from 'sequelize';
import { refreshPushVerdicts } from '../../services/filings/filing-eligibility.js';
import { ContractFiling, ProcurementUnit } from '../../db/models.js';

/**
 * `count` complete contract filings of 南昌县, ready to push (the drills' load), numbered `<prefix>0000…` with their
 * own budget lines; their push verdicts are stored. Returns their ids in order.
 */
export async function seedPushableFilings(prefix: string, count: number, title = '演练合同'): Promise<number[]> {
  const unit = (await ProcurementUnit.findOne({ where: { regionCode: '360121', status: 'approved' }, order: [['id', 'ASC']] }))!;
  for (let from = 0; from < count; from += 1000) {
    await ContractFiling.bulkCreate(
      Array.from({ length: Math.min(1000, count - from) }, (_, k) => {
        const i = from + k;
        return {
          kind: 'procurement' as const,
          contractNo: `${prefix}${String(i).padStart(4, '0')}`,
          contractName: `${title}${i}`,
          signedAt: '2026-10-01',
          amount: '1000.00',
          supplierName: '江西赣新科技有限公司',
          procurementMethod: 'public_tender',
          projectName: `${title}项目`,
          procurementUnitId: unit.id,
          regionCode: '360121',
          budgetLineId: `ZB-${prefix}${i}`,
          virtualBudgetId: null,
          budgetYear: 2026,
          budgetType: 'integrated' as const,
          filedAt: new Date('2026-10-10T10:00:00+08:00'),
        };
      }),
    );
  }
  const like = { [Op.like]: `${prefix}%` };
  await refreshPushVerdicts({ contractNo: like });
  return (await ContractFiling.findAll({ where: { contractNo: like }, attributes: ['id'], order: [['id', 'ASC']] })).map((f) => f.id);
}
