import { randomUUID } from 'node:crypto';
import { Op } from 'sequelize';
import { caseNumber, caseTitle } from '../../domain/risk/case-workflow.js';
import { decidedRegions, inRegions, isWithin } from '../../domain/jurisdiction.js';
import { classifyDatabaseError } from '../../db/database-errors.js';
import type { SessionUser } from '../../db/jurisdiction-scope.js';
import { RiskFlag } from '../../db/models/risk/risk-flag.model.js';
import { SupervisionCase } from '../../db/models/risk/supervision-case.model.js';
import { recordAudits, type AuditEntry } from '../audit.js';
import { settleDeadlines } from '../deadlines/settle-deadlines.js';
import { regionLabel } from '../office-names.js';

export const NOT_FOUND = '该记录不存在或不在您的辖区内';
const RACE = '所选预警已被他人处理，请刷新后重试';

export type OpenCaseOutcome =
  | { ok: true; message: string; caseId: number; caseNo: string }
  | { ok: false; message: string; refused: Array<{ id: number; title: string; message: string }> };

/** Why this user may not open a case on this flag, from its values alone (the list's buttons ask it too); null: may. */
export function openCaseRefusal(user: SessionUser, flag: { regionCode?: unknown; status?: unknown; caseId?: unknown }): string | null {
  const region = String(flag.regionCode ?? '');
  if (!isWithin(user.regionCode, region)) return NOT_FOUND;
  if (!inRegions(decidedRegions('subtree', user.role, user.regionCode), region))
    return `您（${user.regionName}）不能立案：风险预警由所辖采购监管部门立案`;
  if (flag.status !== 'open') return '该预警已消除，不能立案';
  if (flag.caseId !== null && flag.caseId !== undefined && flag.caseId !== '') return `该预警已立案（案件 ${String(flag.caseId)}）`;
  return null;
}

/**
 * 立案: one case from one or several open flags of one region, assigned (分办) to that region's office, which then has
 * the case step's time limit. The flags are read and locked together; any refusal refuses the whole request and
 * changes nothing. The case, the flags' link to it and the audit rows (the case's and each flag's, with the reason)
 * are written in one transaction.
 */
export async function openCase(flagIds: readonly number[], user: SessionUser, reason: string): Promise<OpenCaseOutcome> {
  const ids = [...new Set(flagIds)];
  const sequelize = RiskFlag.sequelize!;
  try {
    return await sequelize.transaction(async (transaction): Promise<OpenCaseOutcome> => {
      const rows = await RiskFlag.findAll({
        where: { id: { [Op.in]: ids } },
        order: [['id', 'ASC']],
        lock: transaction.LOCK.UPDATE,
        transaction,
      });
      const found = new Map(rows.map((r) => [r.id, r]));
      const refused: Array<{ id: number; title: string; message: string }> = [];
      for (const id of ids) {
        const row = found.get(id);
        const message = row ? openCaseRefusal(user, row) : NOT_FOUND;
        // A flag the user may not see is named by its id only: its subject is not theirs to know.
        if (message) refused.push({ id, title: row && message !== NOT_FOUND ? row.subjectLabel : `#${id}`, message });
      }
      if (!ids.length) return { ok: false, message: '请选择要立案的风险预警', refused };
      if (refused.length === 1 && ids.length === 1) return { ok: false, message: refused[0]!.message, refused };
      if (refused.length) return { ok: false, message: refused.map((r) => `${r.title}：${r.message}`).join('；'), refused };
      const regions = [...new Set(rows.map((r) => r.regionCode))];
      if (regions.length > 1)
        return {
          ok: false,
          message: `所选预警分属不同辖区（${regions.map(regionLabel).join('、')}），一个案件只能分办给一个采购办，请按辖区分别立案`,
          refused: [],
        };
      const regionCode = regions[0]!;
      const now = new Date();
      const created = await SupervisionCase.create(
        {
          caseNo: `new-${randomUUID().slice(0, 24)}`,
          regionCode,
          title: caseTitle(rows),
          status: 'assigned',
          openedAt: now,
          openedBy: user.username,
          stepStartedAt: now,
        },
        { transaction },
      );
      const caseNo = caseNumber(
        Number(new Intl.DateTimeFormat('en', { year: 'numeric', timeZone: 'Asia/Shanghai' }).format(now)),
        regionCode,
        created.id,
      );
      await created.update({ caseNo }, { transaction });
      const [linked] = await RiskFlag.update(
        { caseId: created.id },
        { where: { id: { [Op.in]: ids }, status: 'open', caseId: null }, transaction },
      );
      if (linked !== ids.length) throw new Error(`openCase: ${linked} of ${ids.length} locked flags linked`);
      await settleDeadlines(SupervisionCase, [created.id], { by: user.username, decision: '立案', at: now }, transaction);
      const audits: AuditEntry[] = [
        {
          user,
          action: 'openCase',
          resourceId: 'SupervisionCase',
          recordId: created.id,
          regionCode,
          reason,
          changes: {
            caseNo: { before: null, after: caseNo },
            status: { before: null, after: 'assigned' },
            regionCode: { before: null, after: regionCode },
            flags: { before: null, after: ids.join(',') },
          },
        },
        ...rows.map((row): AuditEntry => ({
          user,
          action: 'openCase',
          resourceId: 'RiskFlag',
          recordId: row.id,
          regionCode: row.regionCode,
          reason,
          changes: { caseId: { before: null, after: created.id } },
        })),
      ];
      await recordAudits(audits, transaction);
      return {
        ok: true,
        caseId: created.id,
        caseNo,
        message: `已立案 ${caseNo}（${rows.length} 条预警），分办至${regionLabel(regionCode)}采购办`,
      };
    });
  } catch (error) {
    if (classifyDatabaseError(error) === 'conflict') return { ok: false, message: RACE, refused: [] };
    throw error;
  }
}
