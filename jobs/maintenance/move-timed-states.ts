import { Op, type Transaction } from 'sequelize';
import { recordAudits, type AuditEntry } from '../../services/audit.js';
import { BIDDING_STATUS_LABELS } from '../../domain/agreement-library.js';
import { SUPPLIER_STATUS_LABELS } from '../../domain/agreement-time-states.js';
import { chinaDay, chinaTime } from '../../domain/dates.js';
import { AgreementSupplier, BiddingRecord } from '../../db/models.js';

const PER_RUN = 5000;

export interface TimedStates {
  biddingsEnded: number;
  suppliersExpired: number;
  suppliersValidAgain: number;
}

/**
 * Stores the states that time has moved, so the lists' SQL filters agree with what the pages show (the pages and the
 * decisions derive them from the clock already; see domain/agreement-time-states.ts): a bidding past its end time is
 * 已结束, a supplier past its validity is 已失效. Each move is audited on the record's history as the system's.
 */
export async function moveTimedStates(now: Date): Promise<TimedStates> {
  return BiddingRecord.sequelize!.transaction(async (transaction) => ({
    biddingsEnded: await endBiddings(now, transaction),
    ...(await moveSuppliers(now, transaction)),
  }));
}

async function endBiddings(now: Date, transaction: Transaction): Promise<number> {
  const running = { [Op.in]: ['bidding', 'quoting'] };
  const due = await BiddingRecord.findAll({
    where: { status: running, endAt: { [Op.lte]: now } },
    attributes: ['id', 'status', 'endAt', 'regionCode'],
    order: [['id', 'ASC']],
    limit: PER_RUN,
    transaction,
  });
  if (!due.length) return 0;
  const [moved] = await BiddingRecord.update({ status: 'ended', version: BiddingRecord.sequelize!.literal('version + 1') } as never, {
    where: { id: { [Op.in]: due.map((b) => b.id) }, status: running },
    transaction,
  });
  await recordAudits(
    due.map((b): AuditEntry => ({
      user: null,
      action: 'endBidding',
      resourceId: 'BiddingRecord',
      recordId: b.id,
      regionCode: b.regionCode,
      changes: { status: { before: b.status, after: 'ended' } },
      reason: `截止时间 ${chinaTime(b.endAt)} 已过，由“${BIDDING_STATUS_LABELS[b.status]}”转为“已结束”`,
    })),
    transaction,
  );
  return moved;
}

async function moveSuppliers(now: Date, transaction: Transaction): Promise<Omit<TimedStates, 'biddingsEnded'>> {
  const today = chinaDay(now);
  const move = async (from: 'active' | 'expired', to: 'active' | 'expired', validTo: object, why: (s: AgreementSupplier) => string) => {
    const rows = await AgreementSupplier.findAll({
      where: { status: from, validTo },
      attributes: ['id', 'validTo', 'libraryRegionCode'],
      order: [['id', 'ASC']],
      limit: PER_RUN,
      transaction,
    });
    if (!rows.length) return 0;
    const [moved] = await AgreementSupplier.update({ status: to, version: AgreementSupplier.sequelize!.literal('version + 1') } as never, {
      where: { id: { [Op.in]: rows.map((s) => s.id) }, status: from },
      transaction,
    });
    await recordAudits(
      rows.map((s): AuditEntry => ({
        user: null,
        action: to === 'expired' ? 'expireSupplier' : 'renewSupplier',
        resourceId: 'AgreementSupplier',
        recordId: s.id,
        regionCode: s.libraryRegionCode,
        changes: { status: { before: from, after: to } },
        reason: why(s),
      })),
      transaction,
    );
    return moved;
  };
  return {
    suppliersExpired: await move(
      'active',
      'expired',
      { [Op.lt]: today },
      (s) => `协议有效期至 ${s.validTo}，已过期，状态由“${SUPPLIER_STATUS_LABELS.active}”转为“${SUPPLIER_STATUS_LABELS.expired}”`,
    ),
    suppliersValidAgain: await move(
      'expired',
      'active',
      { [Op.gte]: today },
      (s) => `协议有效期至 ${s.validTo}，仍在有效期内，状态恢复为“${SUPPLIER_STATUS_LABELS.active}”`,
    ),
  };
}
