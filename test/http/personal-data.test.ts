import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import ExcelJS from 'exceljs';
import { QueryTypes } from 'sequelize';
import { creditCodeCheckChar } from '../../domain/credit-code.js';
import { AgreementLibrary, AuditLog, DataExport, Expert, ProcurementUnit, SupplierRegistration } from '../../db/models.js';
import { createSequelize } from '../../db/database.js';
import { createMigrator } from '../../migrations/migrator.js';
import { runTool, type ToolOutcome } from '../support/run-tool.js';
import { api, drainJobs, login, startTestApp, type Client } from '../support/test-app.js';

/**
 * Issue #29 item 6: contact phones of units, suppliers and experts are personal data at rest. The database holds them
 * masked, sealed with SM4 and indexed with HMAC-SM3; a record's page shows them whole to the supervising offices in
 * jurisdiction; lists, exports and the audit trail only masked; a number finds its record exactly and only within the
 * user's jurisdiction; a key rotation moves every value to the new key while the old one still opens.
 */
const NEW_KEY = `k2:${'5a'.repeat(16)}`;
const DEV_KEY = 'dev:000102030405060708090a0b0c0d0e0f';
const UNIT_PHONE = '0791-88123027';
const SUPPLIER_PHONE = '13812345678';

let app: Awaited<ReturnType<typeof startTestApp>>;
const clients: Record<string, Client> = {};
let unitId: number;
let supplierId: number;

const sql = <T extends object>(text: string, replacements: unknown[] = []) =>
  ProcurementUnit.sequelize!.query<T>(text, { type: QueryTypes.SELECT, replacements });

async function signIn(...users: string[]): Promise<void> {
  for (const user of users) clients[user] = await login(app.url, user);
}

/** Every phone column of the four tables, as the database holds it. */
const TABLES = [
  ['procurement_units', 'phone'],
  ['experts', 'phone'],
  ['agreement_suppliers', 'contact_phone'],
  ['supplier_registrations', 'contact_phone'],
] as const;
async function storedPhones(): Promise<
  Array<{ table: string; id: number; shown: string | null; sealed: string | null; indexed: string | null }>
> {
  const rows = [];
  for (const [table, column] of TABLES) {
    const found = await sql<{ id: number; shown: string | null; sealed: string | null; indexed: string | null }>(
      `SELECT id, ${column} AS shown, ${column}_sealed AS sealed, ${column}_index AS indexed FROM ${table} ORDER BY id`,
    );
    rows.push(...found.map((r) => ({ ...r, table })));
  }
  return rows;
}

/** `npm run personal-data:rekey` as an operator runs it, against the app's database, with the keys given. */
function rekey(keys: string): Promise<ToolOutcome> {
  return runTool('tools/personal-data-rekey.ts', [], {
    DATABASE_URL: app.env.DATABASE_URL,
    MIDDLE_DATABASE_URL: app.env.MIDDLE_DATABASE_URL,
    PERSONAL_DATA_KEYS: keys,
  });
}

/** The same databases under other keys, as after a restart with a new PERSONAL_DATA_KEYS. */
async function restart(keys: string): Promise<void> {
  const { DATABASE_URL, MIDDLE_DATABASE_URL } = app.env;
  await app.stop();
  app = await startTestApp({ DATABASE_URL, MIDDLE_DATABASE_URL, PERSONAL_DATA_KEYS: keys });
  await signIn('nanchangxian', 'nanchang', 'province');
}

beforeAll(async () => {
  app = await startTestApp();
  await signIn('nanchangxian', 'nanchang', 'ganzhou', 'admin', 'province');
  // Written through the model as every path writes it: an instance update and a bulk update.
  const unit = (await ProcurementUnit.findOne({ where: { regionCode: '360121', formalMember: true }, order: [['id', 'ASC']] }))!;
  await unit.update({ phone: UNIT_PHONE });
  unitId = unit.id;
  const expert = (await Expert.findOne({ order: [['id', 'ASC']] }))!;
  await Expert.update({ phone: '（0791）8700 1234' }, { where: { id: expert.id } });
}, 120_000);

afterAll(async () => {
  await app?.stop();
});

describe('at rest', () => {
  it('no phone column holds a number: masked text, an SM4 value naming its key, a 64-hex index, and the number nowhere', async () => {
    const rows = await storedPhones();
    for (const [table] of TABLES) expect(rows.filter((r) => r.table === table && r.sealed).length).toBeGreaterThan(0);
    const withPhone = rows.filter((r) => r.shown !== null);
    expect(withPhone.length).toBeGreaterThan(50);
    for (const row of withPhone) {
      expect(row.shown).toMatch(/\*{4}/);
      expect(row.shown).not.toMatch(/\d{5}/);
      expect(row.sealed).toMatch(/^SM4\$dev\$[A-Za-z0-9_-]{64,}$/);
      expect(row.indexed).toMatch(/^[0-9a-f]{64}$/);
    }
    const unit = await sql<{ phone: string; phone_sealed: string }>('SELECT phone, phone_sealed FROM procurement_units WHERE id = ?', [
      unitId,
    ]);
    expect(unit[0]!.phone).toBe('0791-****027');
    const anywhere = await sql<{ n: number }>(
      `SELECT COUNT(*) AS n FROM procurement_units WHERE phone LIKE '%88123027%' OR phone_sealed LIKE '%88123027%' OR phone_index LIKE '%88123027%'`,
    );
    expect(Number(anywhere[0]!.n)).toBe(0);
    // A fresh IV each time: the same number twice is two different sealed values, with one index.
    await ProcurementUnit.update({ phone: UNIT_PHONE }, { where: { id: unitId + 1 } });
    const twice = await sql<{ phone_sealed: string; phone_index: string }>(
      'SELECT phone_sealed, phone_index FROM procurement_units WHERE id IN (?, ?) ORDER BY id',
      [unitId, unitId + 1],
    );
    expect(twice[0]!.phone_sealed).not.toBe(twice[1]!.phone_sealed);
    expect(twice[0]!.phone_index).toBe(twice[1]!.phone_index);
    await ProcurementUnit.update({ phone: '0791-86000001' }, { where: { id: unitId + 1 } });
  });
});

describe('in the panel', () => {
  it("a record's page shows the number whole to the offices in jurisdiction, masked to the administrator, and never its sealed parts", async () => {
    for (const user of ['nanchangxian', 'nanchang', 'province']) {
      const { status, body } = await clients[user]!.get(api.show('FormalMemberUnit', unitId));
      expect(status).toBe(200);
      expect(body.record.params.phone).toBe(UNIT_PHONE);
      expect(Object.keys(body.record.params).filter((k) => /Sealed|Index/.test(k))).toEqual([]);
    }
    const admin = await clients.admin!.get(api.show('ProcurementUnit', unitId));
    expect(admin.body.record.params.phone).toBe('0791-****027');
    const other = await clients.ganzhou!.get(api.show('FormalMemberUnit', unitId));
    expect(JSON.stringify(other.body)).not.toContain('88123027');
    const expert = (await Expert.findOne({ order: [['id', 'ASC']] }))!;
    expect(expert.phone).toBe('0791-****234');
    expect((await clients.province!.get(api.show('Expert', expert.id))).body.record.params.phone).toBe('（0791）8700 1234');
  });

  it('lists mask every number, and a list cannot be sorted by it', async () => {
    const { body } = await clients.nanchangxian!.get(api.list('FormalMemberUnit'));
    expect(body.records.length).toBeGreaterThan(0);
    const ours = body.records.find((r: any) => Number(r.id) === unitId);
    expect(ours.params.phone).toBe('0791-****027');
    for (const record of body.records) {
      expect(String(record.params.phone ?? '')).not.toMatch(/\d{5}/);
      expect(Object.keys(record.params).filter((k) => /Sealed|Index/.test(k))).toEqual([]);
    }
    const sorted = await clients.nanchangxian!.get(api.list('FormalMemberUnit', '&sortBy=phone'));
    expect(sorted.status).toBe(400);
    expect(sorted.body.message).toContain('不能按“phone”排序');
  });

  it('a number finds its record exactly, however it is typed; a part of it finds nothing', async () => {
    for (const typed of [UNIT_PHONE, '0791 8812 3027', '（0791）88123027', '０７９１８８１２３０２７']) {
      const { body } = await clients.nanchangxian!.get(api.list('FormalMemberUnit', `&filters.phone=${encodeURIComponent(typed)}`));
      expect(body.records.map((r: any) => Number(r.id))).toEqual([unitId]);
      expect(body.records[0].params.phone).toBe('0791-****027');
    }
    for (const typed of ['88123027', '0791-8812302', '0791-****027', 'abc']) {
      const { body } = await clients.nanchangxian!.get(api.list('FormalMemberUnit', `&filters.phone=${encodeURIComponent(typed)}`));
      expect(body.records).toHaveLength(0);
    }
    const city = await clients.nanchang!.get(api.list('ProcurementUnit', `&filters.phone=${encodeURIComponent(UNIT_PHONE)}`));
    expect(city.body.records.map((r: any) => Number(r.id))).toEqual([unitId]);
    // The index column is no filter of its own.
    const byIndex = await clients.nanchangxian!.get(api.list('FormalMemberUnit', '&filters.phoneIndex=0'));
    expect(byIndex.status).toBe(400);
  });

  it("another region's office cannot find the number, by list, search or export", async () => {
    const list = await clients.ganzhou!.get(api.list('FormalMemberUnit', `&filters.phone=${encodeURIComponent(UNIT_PHONE)}`));
    expect(list.status).toBe(200);
    expect(list.body.records).toHaveLength(0);
    const units = await clients.ganzhou!.get(api.list('ProcurementUnit', `&filters.phone=${encodeURIComponent(UNIT_PHONE)}`));
    expect(units.body.records).toHaveLength(0);
    const started = await clients.ganzhou!.post(api.resourceAction('FormalMemberUnit', 'exportXlsx'), {
      query: `?filters.phone=${encodeURIComponent(UNIT_PHONE)}`,
    });
    await drainJobs(app);
    const status = await clients.ganzhou!.get(started.body.statusUrl);
    expect(status.body).toMatchObject({ state: 'done', done: 0 });
  });

  it('an export holds the masked number; neither the export nor its audit entry keeps the number searched for', async () => {
    const started = await clients.nanchangxian!.post(api.resourceAction('FormalMemberUnit', 'exportXlsx'), {
      query: `?filters.phone=${encodeURIComponent(UNIT_PHONE)}`,
    });
    await drainJobs(app);
    const status = await clients.nanchangxian!.get(started.body.statusUrl);
    expect(status.body).toMatchObject({ state: 'done', done: 1 });
    const response = await fetch(`${app.url}${status.body.downloadUrl}`, { headers: { cookie: clients.nanchangxian!.cookie } });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(await response.arrayBuffer()) as never);
    const sheet = workbook.worksheets[0]!;
    const header = (sheet.getRow(1).values as unknown[]).slice(1);
    expect(header).toContain('联系电话');
    expect(sheet.rowCount).toBe(2);
    expect(sheet.getRow(2).getCell(header.indexOf('联系电话') + 1).value).toBe('0791-****027');
    const whole = JSON.stringify([
      (await DataExport.findByPk(started.body.exportId))!.filters,
      (await AuditLog.findAll({ where: { recordId: started.body.exportId } })).map((a) => a.changes),
    ]);
    expect(whole).not.toMatch(/88123027|8812 3027/);
    expect(whole).toMatch(/#sm3:[0-9a-f]{64}/);
  });

  it('a supplier added in the panel is stored sealed; the answer and the audit entry hold it masked; a bad number is refused in Chinese', async () => {
    const library = (await AgreementLibrary.findOne({ where: { ownerRegionCode: '360100' } }))!;
    const first17 = '91360100MA35P1XK2';
    const form = {
      libraryId: library.id,
      supplierName: '江西个人信息测试有限公司',
      creditCode: `${first17}${creditCodeCheckChar(first17)}`,
      validFrom: '2026-01-01',
      validTo: '2027-12-31',
    };
    const bad = await clients.nanchang!.post(api.resourceAction('AgreementSupplier', 'new'), { ...form, contactPhone: '请致电张经理' });
    expect(bad.body.record.errors.contactPhone.message).toBe('联系电话只能包含数字、空格、+、-、括号和“转”分机号');
    const short = await clients.nanchang!.post(api.resourceAction('AgreementSupplier', 'new'), { ...form, contactPhone: '12345' });
    expect(short.body.record.errors.contactPhone.message).toContain('7–20 位数字');
    const ok = await clients.nanchang!.post(api.resourceAction('AgreementSupplier', 'new'), {
      ...form,
      contactPhone: `+86 ${SUPPLIER_PHONE}`,
    });
    expect(ok.body.notice.type).toBe('success');
    supplierId = Number(ok.body.record.id);
    expect(ok.body.record.params.contactPhone).toBe('138****5678');
    expect(JSON.stringify(ok.body)).not.toContain('12345678');
    const [stored] = await sql<{ contact_phone: string; contact_phone_sealed: string }>(
      'SELECT contact_phone, contact_phone_sealed FROM agreement_suppliers WHERE id = ?',
      [supplierId],
    );
    expect(stored!.contact_phone).toBe('138****5678');
    expect(stored!.contact_phone_sealed).toMatch(/^SM4\$dev\$/);
    const audit = await AuditLog.findOne({ where: { action: 'new', resourceId: 'AgreementSupplier', recordId: String(supplierId) } });
    expect(audit!.changes).toContain('138****5678');
    expect(audit!.changes).not.toMatch(/12345678|Sealed|Index/);
    const page = await clients.nanchang!.get(api.show('AgreementSupplier', supplierId));
    expect(page.body.record.params.contactPhone).toBe(`+86 ${SUPPLIER_PHONE}`);
    const found = await clients.nanchang!.get(api.list('AgreementSupplier', `&filters.contactPhone=${SUPPLIER_PHONE}`));
    expect(found.body.records.map((r: any) => Number(r.id))).toEqual([supplierId]);
    expect(
      (await clients.ganzhou!.get(api.list('AgreementSupplier', `&filters.contactPhone=${SUPPLIER_PHONE}`))).body.records,
    ).toHaveLength(0);
  });

  it('a sealed value altered in the database opens to nothing: the page shows the mask, not an error', async () => {
    const registration = (await SupplierRegistration.findOne({ where: { regionCode: '360121' }, order: [['id', 'ASC']] }))!;
    const [row] = await sql<{ contact_phone_sealed: string }>('SELECT contact_phone_sealed FROM supplier_registrations WHERE id = ?', [
      registration.id,
    ]);
    const sealed = row!.contact_phone_sealed;
    const altered = `${sealed.slice(0, -2)}${sealed.endsWith('AA') ? 'BB' : 'AA'}`;
    await ProcurementUnit.sequelize!.query('UPDATE supplier_registrations SET contact_phone_sealed = ? WHERE id = ?', {
      replacements: [altered, registration.id],
    });
    const page = await clients.nanchangxian!.get(api.show('SupplierRegistration', registration.id));
    expect(page.status).toBe(200);
    expect(page.body.record.params.contactPhone).toBe(registration.contactPhone);
    expect(page.body.record.params.contactPhone).toMatch(/\*{4}/);
    await ProcurementUnit.sequelize!.query('UPDATE supplier_registrations SET contact_phone_sealed = ? WHERE id = ?', {
      replacements: [sealed, registration.id],
    });
    const restored = await clients.nanchangxian!.get(api.show('SupplierRegistration', registration.id));
    expect(restored.body.record.params.contactPhone).not.toMatch(/\*/);
  });
});

describe('key rotation', () => {
  it('with the new key first and the old one after it, old values still open and new ones are sealed with the new key', async () => {
    await restart(`${NEW_KEY},${DEV_KEY}`);
    expect((await clients.nanchangxian!.get(api.show('FormalMemberUnit', unitId))).body.record.params.phone).toBe(UNIT_PHONE);
    await ProcurementUnit.update({ phone: '0791-86000002' }, { where: { id: unitId + 1 } });
    const [fresh] = await sql<{ phone_sealed: string }>('SELECT phone_sealed FROM procurement_units WHERE id = ?', [unitId + 1]);
    expect(fresh!.phone_sealed).toMatch(/^SM4\$k2\$/);
    expect((await clients.nanchangxian!.get(api.show('FormalMemberUnit', unitId + 1))).body.record.params.phone).toBe('0791-86000002');
  }, 120_000);

  it('the rekey refuses to finish while a value does not open, then moves every value to the new key, audited', async () => {
    const [expert] = await sql<{ id: number; phone_sealed: string }>(
      `SELECT id, phone_sealed FROM experts WHERE phone_sealed LIKE 'SM4$dev$%' ORDER BY id LIMIT 1`,
    );
    await ProcurementUnit.sequelize!.query('UPDATE experts SET phone_sealed = ? WHERE id = ?', {
      replacements: [`${expert!.phone_sealed.slice(0, -4)}AAAA`, expert!.id],
    });
    const refused = await rekey(`${NEW_KEY},${DEV_KEY}`);
    expect(refused.code).toBe(1);
    expect(refused.stdout).toMatch(/experts\.phone：重新加密 \d+，首次加密 0，无法解密 1/);
    expect(refused.stderr).toContain('有 1 个值无法解密');
    await ProcurementUnit.sequelize!.query('UPDATE experts SET phone_sealed = ? WHERE id = ?', {
      replacements: [expert!.phone_sealed, expert!.id],
    });
    const done = await rekey(`${NEW_KEY},${DEV_KEY}`);
    expect(done.stderr).toBe('');
    expect(done.code).toBe(0);
    expect(done.stdout).toContain('完成：全部个人信息均已由密钥 k2 加密');
    const rows = (await storedPhones()).filter((r) => r.sealed !== null);
    expect(rows.length).toBeGreaterThan(50);
    for (const row of rows) expect(row.sealed).toMatch(/^SM4\$k2\$/);
    const audits = await AuditLog.findAll({ where: { action: 'personalDataRekeyed' }, order: [['id', 'ASC']] });
    expect(audits).toHaveLength(2);
    expect(JSON.parse(audits[1]!.changes!)).toMatchObject({ sealingKey: { after: 'k2' }, unreadable: { after: 0 } });
    expect(audits[1]!.reason).toContain('npm run personal-data:rekey');
    const again = await rekey(`${NEW_KEY},${DEV_KEY}`);
    expect(again.code).toBe(0);
    expect(again.stdout).toMatch(/procurement_units\.phone：重新加密 0，首次加密 0，无法解密 0/);
  }, 120_000);

  it('with the old key removed, everything still reads and is still found by its number', async () => {
    await restart(NEW_KEY);
    expect((await clients.nanchangxian!.get(api.show('FormalMemberUnit', unitId))).body.record.params.phone).toBe(UNIT_PHONE);
    const found = await clients.nanchangxian!.get(api.list('FormalMemberUnit', `&filters.phone=${encodeURIComponent(UNIT_PHONE)}`));
    expect(found.body.records.map((r: any) => Number(r.id))).toEqual([unitId]);
    expect((await clients.nanchang!.get(api.show('AgreementSupplier', supplierId))).body.record.params.contactPhone).toBe(
      `+86 ${SUPPLIER_PHONE}`,
    );
    const expert = (await Expert.findOne({ order: [['id', 'ASC']] }))!;
    expect((await clients.province!.get(api.show('Expert', expert.id))).body.record.params.phone).toBe('（0791）8700 1234');
  }, 120_000);
});

describe('migration 0015', () => {
  it('seals the numbers a database holds in the clear, and its down migration gives them back', async () => {
    await app.stop();
    const db = createSequelize(app.env.DATABASE_URL);
    try {
      const one = async (text: string) =>
        (await db.query<Record<string, string>>(text, { type: QueryTypes.SELECT, replacements: [unitId] }))[0]!;
      await createMigrator(db).down({ to: '0015-personal-data' });
      expect(await one('SELECT * FROM procurement_units WHERE id = ?')).toMatchObject({ phone: UNIT_PHONE });
      expect(Object.keys(await one('SELECT * FROM procurement_units WHERE id = ?'))).not.toContain('phone_sealed');
      await createMigrator(db).up();
      const sealed = await one('SELECT phone, phone_sealed, phone_index FROM procurement_units WHERE id = ?');
      expect(sealed.phone).toBe('0791-****027');
      expect(sealed.phone_sealed).toMatch(/^SM4\$k2\$/);
      expect(sealed.phone_index).toMatch(/^[0-9a-f]{64}$/);
      const clear = await db.query<{ n: number }>(
        `SELECT COUNT(*) AS n FROM experts WHERE phone_sealed IS NULL OR phone NOT LIKE '%****%'`,
        { type: QueryTypes.SELECT },
      );
      expect(Number(clear[0]!.n)).toBe(0);
    } finally {
      await db.close();
    }
    app = await startTestApp({
      DATABASE_URL: app.env.DATABASE_URL,
      MIDDLE_DATABASE_URL: app.env.MIDDLE_DATABASE_URL,
      PERSONAL_DATA_KEYS: NEW_KEY,
    });
    await signIn('nanchangxian');
    expect((await clients.nanchangxian!.get(api.show('FormalMemberUnit', unitId))).body.record.params.phone).toBe(UNIT_PHONE);
    const found = await clients.nanchangxian!.get(api.list('FormalMemberUnit', `&filters.phone=${encodeURIComponent(UNIT_PHONE)}`));
    expect(found.body.records.map((r: any) => Number(r.id))).toEqual([unitId]);
  }, 120_000);
});
