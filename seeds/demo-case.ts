import { RiskFlag, SupervisorUser } from '../db/models.js';
import { openCase } from '../services/risk/open-case.js';
import { sessionUserFor } from '../services/session-user.js';

/** 南昌县采购办 opens a case on its highest-scored open flag, as an office does through 立案. */
export async function seedDemoCase(): Promise<void> {
  const office = await SupervisorUser.findOne({ where: { username: 'nanchangxian' } });
  const flag = await RiskFlag.findOne({
    where: { regionCode: '360121', status: 'open', caseId: null },
    order: [
      ['score', 'DESC'],
      ['id', 'ASC'],
    ],
  });
  if (!office || !flag) return;
  const outcome = await openCase([flag.id], await sessionUserFor(office), '预警金额较大，立案核实（演示数据）');
  if (!outcome.ok) throw new Error(`演示数据的立案未成功：${outcome.message}`);
}
