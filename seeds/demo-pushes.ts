import type { Transaction } from 'sequelize';
import { recordAudits } from '../services/audit.js';
import { canAct } from '../domain/jurisdiction.js';
import { pushFilings } from '../jobs/processors/push-filing.processor.js';
import type { JobContext } from '../queue/job-types.js';
import { ContractFiling, SupervisorUser } from '../db/models.js';

/** A demo filing its region's office clicked 推送 on, and when; the push job runs once the seed has committed. */
export interface DemoPush {
  filingId: number;
  version: number;
  userId: number;
  at: Date;
}

/** The demo office that decides a region's filings, if the demo has one (东湖区 and 章贡区 have none). */
export async function officeOf(regionCode: string, transaction: Transaction): Promise<SupervisorUser | null> {
  const users = await SupervisorUser.findAll({ where: { regionCode }, order: [['id', 'ASC']], transaction });
  return users.find((u) => canAct(u.role, u.regionCode, regionCode)) ?? null;
}

/**
 * The click on 推送, as the action leaves it: the filing 推送中 at its next version and the clicker's audit entry.
 * The filing must be pushable; the job checks that again, as it does for every push.
 */
export async function clickPush(filing: ContractFiling, office: SupervisorUser, at: Date, transaction: Transaction): Promise<DemoPush> {
  const version = filing.version + 1;
  await ContractFiling.update({ pushStatus: 'queued', lastPushError: null, version }, { where: { id: filing.id }, transaction });
  await recordAudits(
    [
      {
        user: office,
        action: 'pushToIntegration',
        resourceId: 'ContractFiling',
        recordId: filing.id,
        regionCode: filing.regionCode,
        changes: { pushStatus: { before: filing.pushStatus, after: 'queued' } },
        at,
      },
    ],
    transaction,
  );
  return { filingId: filing.id, version, userId: office.id, at };
}

/**
 * What the push job leaves when its last attempt fails (a demo cannot make the intermediate database time out on
 * cue): the filing 推送失败 with the error, and the job's audit entry in the clicker's name.
 */
export async function failPush(push: DemoPush, office: SupervisorUser, error: string, at: Date, transaction: Transaction): Promise<void> {
  const filing = (await ContractFiling.findByPk(push.filingId, { transaction }))!;
  await ContractFiling.update(
    { pushStatus: 'failed', lastPushError: error },
    { where: { id: filing.id, version: push.version }, transaction },
  );
  await recordAudits(
    [
      {
        user: office,
        action: 'pushFailed',
        resourceId: 'ContractFiling',
        recordId: filing.id,
        regionCode: filing.regionCode,
        reason: error,
        changes: { pushStatus: { before: 'queued', after: 'failed' } },
        at,
      },
    ],
    transaction,
  );
}

/**
 * Runs the push job for each click at the moment the demo says it finished, so each filing gets its intermediate
 * row, its 已推送 time and its history exactly as a real push writes them. One job per office and moment.
 */
export async function completePushes(pushes: readonly DemoPush[], minutesLater = 2): Promise<void> {
  const jobs = new Map<string, DemoPush[]>();
  for (const push of pushes) {
    const key = `${push.userId}@${push.at.getTime()}`;
    jobs.set(key, [...(jobs.get(key) ?? []), push]);
  }
  for (const [key, group] of jobs) {
    const done = new Date(group[0]!.at.getTime() + minutesLater * 60_000);
    const job: JobContext = {
      id: `demo-${key}`,
      name: 'pushFilings',
      attemptsMade: 0,
      maxAttempts: 5,
      updateProgress: async () => undefined,
    };
    const outcome = await pushFilings(
      { filings: group.map(({ filingId, version }) => ({ filingId, version })), userId: group[0]!.userId },
      job,
      () => done,
    );
    if (outcome.pushed !== group.length) throw new Error(`演示数据的推送未全部成功：${JSON.stringify(outcome)}`);
  }
}
