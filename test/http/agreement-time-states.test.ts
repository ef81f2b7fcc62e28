import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Op } from 'sequelize';
import { chinaDay } from '../../domain/dates.js';
import { moveTimedStates } from '../../jobs/maintenance/move-timed-states.js';
import { AgreementSupplier, AuditLog, BiddingQuote, BiddingRecord } from '../../db/models.js';
import { api, login, startTestApp, type Client } from '../support/test-app.js';

let app: Awaited<ReturnType<typeof startTestApp>>;
const clients: Record<string, Client> = {};
const TWELVE_DAYS_AGO = new Date(Date.now() - 12 * 86_400_000);
const idsOf = (body: any) => (body.records as any[]).map((r) => String(r.id));
const running = (status: 'bidding' | 'quoting') =>
  BiddingRecord.findOne({ where: { libraryRegionCode: '360121', status }, order: [['id', 'ASC']] }).then((b) => b!);

beforeAll(async () => {
  app = await startTestApp();
  for (const name of ['nanchangxian']) clients[name] = await login(app.url, name);
});
afterAll(async () => {
  await app.stop();
});

describe('a bidding past its end time is over, whatever was stored', () => {
  it('shows 已结束 in the list and on its page, and may be returned', async () => {
    const bidding = await running('bidding');
    await bidding.update({ endAt: TWELVE_DAYS_AGO });
    expect((await bidding.reload()).status).toBe('bidding');

    const list = await clients.nanchangxian!.get(api.list('BiddingRecord'));
    const listed = (list.body.records as any[]).filter((r) => String(r.id) === String(bidding.id));
    expect(listed).toHaveLength(1);
    expect(listed[0].params.status).toBe('ended');
    const shown = await clients.nanchangxian!.get(api.show('BiddingRecord', bidding.id));
    expect(shown.body.record.params.status).toBe('ended');

    const form = await clients.nanchangxian!.get(api.record('BiddingRecord', bidding.id, 'returnBidding'));
    expect(form.body.refusal).toBeNull();
    const { body } = await clients.nanchangxian!.post(api.record('BiddingRecord', bidding.id, 'returnBidding'), {
      reason: '成交供应商放弃成交',
    });
    expect(body.notice).toMatchObject({ type: 'success', message: `竞价 ${bidding.biddingNo} 已退回` });
    expect((await bidding.reload()).status).toBe('returned');
  });

  it("a quotation still before its end is still refused in the manual's words", async () => {
    const quotation = await running('quoting');
    expect(quotation.endAt.getTime()).toBeGreaterThan(Date.now());
    const { body } = await clients.nanchangxian!.post(api.record('BiddingRecord', quotation.id, 'returnBidding'), { reason: '测试' });
    expect(body.notice.message).toBe('项目必须竞价结束或者报价结束才能进行退回（当前状态：报价中）');
  });

  it('a supplier quoting only in biddings past their end may be removed', async () => {
    const quotation = await running('quoting');
    const quotes = await BiddingQuote.findAll({ where: { biddingId: quotation.id }, order: [['id', 'ASC']] });
    expect(quotes.length).toBeGreaterThan(0);
    const supplierId = quotes[0]!.supplierId;
    const refused = await clients.nanchangxian!.post(api.record('AgreementSupplier', supplierId, 'removeSupplier'), { reason: '测试' });
    expect(refused.body.notice.message).toContain(quotation.biddingNo);

    await quotation.update({ endAt: TWELVE_DAYS_AGO });
    const stillRunning = await BiddingRecord.count({
      where: {
        id: { [Op.in]: (await BiddingQuote.findAll({ where: { supplierId } })).map((q) => q.biddingId) },
        endAt: { [Op.gt]: new Date() },
      },
    });
    expect(stillRunning).toBe(0);
    const goods = await clients.nanchangxian!.post(api.record('AgreementGoods', quotation.goodsId!, 'delete'), {});
    expect(goods.body.notice.message).toContain(`已用于竞价记录`);
    expect(goods.body.notice.message).not.toContain('进行中');
    const removed = await clients.nanchangxian!.post(api.record('AgreementSupplier', supplierId, 'removeSupplier'), {
      reason: '协议期内供货质量不合格',
    });
    expect(removed.body.notice.type).toBe('success');
    expect((await AgreementSupplier.findByPk(supplierId))!.status).toBe('removed');
  });

  it('the maintenance round stores the ended state, so the status filter agrees, audited on the record', async () => {
    const late = (await BiddingRecord.findOne({ where: { libraryRegionCode: '360100', status: 'bidding' } }))!;
    await late.update({ endAt: TWELVE_DAYS_AGO });
    const nanchang = await login(app.url, 'nanchang');
    expect(idsOf((await nanchang.get(api.list('BiddingRecord', '&filters.status=ended'))).body)).not.toContain(String(late.id));
    const moved = await moveTimedStates(new Date());
    expect(moved.biddingsEnded).toBeGreaterThanOrEqual(1);
    expect((await late.reload()).status).toBe('ended');
    expect(idsOf((await nanchang.get(api.list('BiddingRecord', '&filters.status=ended'))).body)).toContain(String(late.id));
    expect(idsOf((await nanchang.get(api.list('BiddingRecord', '&filters.status=bidding'))).body)).not.toContain(String(late.id));
    const audits = await AuditLog.findAll({ where: { action: 'endBidding', resourceId: 'BiddingRecord', recordId: String(late.id) } });
    expect(audits).toHaveLength(1);
    expect(audits[0]!.reason).toContain('已结束');
    expect((await moveTimedStates(new Date())).biddingsEnded).toBe(0);
  });
});

describe('an agreement supplier past its validity is 已失效', () => {
  it('the demo supplier whose validity ended 2025-12-31 is stored, listed, shown and filtered as expired', async () => {
    const expired = (await AgreementSupplier.findOne({ where: { libraryRegionCode: '360121', validTo: '2025-12-31' } }))!;
    expect(expired.status).toBe('expired');
    const filtered = await clients.nanchangxian!.get(api.list('AgreementSupplier', '&filters.status=expired'));
    expect(idsOf(filtered.body)).toContain(String(expired.id));
    for (const r of filtered.body.records) expect(r.params.status).toBe('expired');
    expect(idsOf((await clients.nanchangxian!.get(api.list('AgreementSupplier', '&filters.status=active'))).body)).not.toContain(
      String(expired.id),
    );
    expect((await clients.nanchangxian!.get(api.show('AgreementSupplier', expired.id))).body.record.params.status).toBe('expired');
  });

  it('one whose last day (China time) was yesterday shows 已失效 at once, and is stored so by the next round', async () => {
    const yesterday = chinaDay(new Date(Date.now() - 86_400_000));
    const supplier = (await AgreementSupplier.findOne({
      where: { libraryRegionCode: '360121', status: 'active' },
      order: [['id', 'DESC']],
    }))!;
    await supplier.update({ validTo: yesterday });
    const listed = (await clients.nanchangxian!.get(api.list('AgreementSupplier'))).body.records.filter(
      (r: any) => String(r.id) === String(supplier.id),
    );
    expect(listed).toHaveLength(1);
    expect(listed[0].params.status).toBe('expired');
    expect((await clients.nanchangxian!.get(api.show('AgreementSupplier', supplier.id))).body.record.params.status).toBe('expired');

    expect((await moveTimedStates(new Date())).suppliersExpired).toBe(1);
    expect((await supplier.reload()).status).toBe('expired');
    expect(idsOf((await clients.nanchangxian!.get(api.list('AgreementSupplier', '&filters.status=expired'))).body)).toContain(
      String(supplier.id),
    );

    // Valid again through today: its last day is still running.
    await supplier.update({ validTo: chinaDay(new Date()) });
    expect((await moveTimedStates(new Date())).suppliersValidAgain).toBe(1);
    expect((await supplier.reload()).status).toBe('active');
  });

  it('an expired supplier can still be removed from the library', async () => {
    const expired = (await AgreementSupplier.findOne({ where: { libraryRegionCode: '360121', status: 'expired' } }))!;
    const { body } = await clients.nanchangxian!.post(api.record('AgreementSupplier', expired.id, 'removeSupplier'), {
      reason: '协议到期未续签',
    });
    expect(body.notice.type).toBe('success');
    expect((await expired.reload()).status).toBe('removed');
  });
});
