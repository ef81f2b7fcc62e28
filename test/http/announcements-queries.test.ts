import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Announcement, AwardNotice, PostAwardRecord } from '../../db/models.js';
import { api, login, startTestApp, type Client } from '../support/test-app.js';

let app: Awaited<ReturnType<typeof startTestApp>>;
const clients: Record<string, Client> = {};

beforeAll(async () => {
  app = await startTestApp();
  for (const name of ['nanchang', 'nanchangxian', 'ganzhou', 'admin']) clients[name] = await login(app.url, name);
});
afterAll(async () => {
  await app.stop();
});

const download = (client: Client | null, id: number) =>
  fetch(`${app.url}/admin/attachments/${id}`, {
    headers: client ? { cookie: client.cookie } : {},
    redirect: 'manual',
  });

describe('公告及文件查看', () => {
  it('filters by type and stays in the jurisdiction, read-only', async () => {
    const { body } = await clients.nanchangxian!.get(api.list('Announcement', '&filters.type=result'));
    expect(body.records.length).toBeGreaterThan(0);
    for (const r of body.records) {
      expect(r.params).toMatchObject({ type: 'result', regionCode: '360121' });
      expect(r.recordActions.map((a: any) => a.name)).toEqual(['show']);
    }
    const project = await clients.nanchangxian!.get(api.list('Announcement', `&filters.projectId=${body.records[0].params.projectId}`));
    for (const r of project.body.records) expect(r.params.projectId).toBe(body.records[0].params.projectId);
  });

  it('serves an attachment to a user who may see the announcement, and to nobody else', async () => {
    const announcement = (await Announcement.findOne({ where: { regionCode: '360121', type: 'tender_document' } }))!;
    const own = await download(clients.nanchangxian!, announcement.id);
    expect(own.status).toBe(200);
    expect(own.headers.get('content-disposition')).toBe(`attachment; filename*=UTF-8''${encodeURIComponent(announcement.attachmentName!)}`);
    expect(await own.text()).toContain(announcement.title);
    expect((await download(clients.nanchang!, announcement.id)).status).toBe(200);
    const other = await download(clients.ganzhou!, announcement.id);
    expect(other.status).toBe(404);
    expect(await other.text()).toBe('附件不存在或不在您的辖区内');
    expect((await download(null, announcement.id)).status).toBe(302);
    expect((await download(clients.nanchangxian!, 999_999)).status).toBe(404);
  });
});

describe('查询', () => {
  it('keeps entrusted and self-run award notices apart', async () => {
    const entrusted = await clients.nanchang!.get(api.list('AwardNotice'));
    const selfRun = await clients.nanchang!.get(api.list('SelfRunAwardNotice'));
    expect(entrusted.body.records.length).toBeGreaterThan(0);
    expect(selfRun.body.records.length).toBeGreaterThan(0);
    const kinds = async (records: any[]) =>
      new Set((await AwardNotice.findAll({ where: { id: records.map((r) => r.id) } })).map((n) => n.kind));
    expect(await kinds(entrusted.body.records)).toEqual(new Set(['entrusted']));
    expect(await kinds(selfRun.body.records)).toEqual(new Set(['self_run']));
  });

  it('finds post-award data by a contract number with a dot, and registrations by supplier in any case', async () => {
    const record = (await PostAwardRecord.findOne({ where: { contractNo: 'HT-2026-360100.001' } }))!;
    const { body } = await clients.nanchang!.get(api.list('PostAwardRecord', `&filters.contractNo=${encodeURIComponent('360100.001')}`));
    expect(body.records.map((r: any) => r.params.contractNo)).toEqual([record.contractNo]);
    const none = await clients.nanchang!.get(api.list('PostAwardRecord', `&filters.contractNo=${encodeURIComponent('360100_001')}`));
    expect(none.body.records).toEqual([]);
    const registrations = await clients.nanchang!.get(
      api.list('SupplierRegistration', `&filters.supplierName=${encodeURIComponent('江西赣新')}`),
    );
    expect(registrations.body.records.length).toBeGreaterThan(0);
    for (const r of registrations.body.records) expect(r.params.supplierName).toContain('江西赣新');
    const byCode = await clients.nanchang!.get(api.list('SupplierRegistration', `&filters.supplierCreditCode=91360100ma35f0xk1`));
    expect(byCode.body.records.length).toBeGreaterThan(0);
  });

  it('another city sees none of it', async () => {
    for (const resource of ['SupplierRegistration', 'AwardNotice', 'SelfRunAwardNotice', 'PostAwardRecord', 'Announcement']) {
      const { body } = await clients.ganzhou!.get(api.list(resource));
      for (const r of body.records) expect(r.params.regionCode).toMatch(/^3607/);
    }
  });
});
