import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import ExcelJS from 'exceljs';
import { creditCodeCheckChar } from '../../domain/credit-code.js';
import { NOT_A_DAY_MESSAGE } from '../../domain/dates.js';
import type { Role } from '../../domain/jurisdiction.js';
import { RESOURCE_DEFINITIONS } from '../../resources/index.js';
import { AgreementLibrary, AgreementSupplier, PaymentMiddleRecord } from '../../db/models.js';
import type { ResourceDefinition } from '../../resources/resource-definition.js';
import { loadResourceConfig, type ResourceConfig } from '../../panel/resource-config.js';
import { api, drainJobs, login, startTestApp, type Client } from '../support/test-app.js';

// Issue #25: a date-only field must stay the day it was given. 2026-12-01 is a day whose midnight in China is still
// 2026-11-30 in UTC, so any trip through an instant shows.
const DAY = '2026-12-01';
const DAY_BEFORE = '2026-11-30';
const DAY_AFTER = '2026-12-02';
const USERS: Record<Role, string> = {
  province: 'province',
  admin: 'admin',
  security: 'security',
  auditor: 'auditor',
  gongguanban: 'gongguanban',
  city: 'nanchang',
  county: 'nanchangxian',
};

let app: Awaited<ReturnType<typeof startTestApp>>;
const clients: Partial<Record<string, Client>> = {};
let config: Map<string, ResourceConfig>;

beforeAll(async () => {
  app = await startTestApp();
  for (const name of Object.values(USERS)) clients[name] = await login(app.url, name);
  config = loadResourceConfig(RESOURCE_DEFINITIONS);
  // One more intermediate row, as a push writes it, with a known day (the demo's pushed filings have rows of their own;
  // this one names a filing id no demo filing has, so it cannot collide with theirs).
  await PaymentMiddleRecord.create({
    sourceFilingId: 1_000_000,
    sourceVersion: 1,
    contractNo: 'HT-DATES-1',
    contractName: '日期往返测试合同',
    signedAt: DAY_BEFORE,
    amount: '1000.00',
    supplierName: '日期往返供应商',
    budgetLineId: 'ZB-DATES-1',
    regionCode: '360121',
    pushedAt: new Date(),
  });
});
afterAll(async () => {
  await app.stop();
});

interface DateField {
  definition: ResourceDefinition;
  field: string;
}

/** Every date-only field of every resource, found in the models (DATEONLY), not listed by hand. */
function dateOnlyFields(): DateField[] {
  return RESOURCE_DEFINITIONS.flatMap((definition) =>
    Object.entries(definition.model.getAttributes())
      .filter(([, attribute]) => (attribute.type as { key?: string }).key === 'DATEONLY')
      .map(([field]) => ({ definition, field })),
  );
}

const label = ({ definition, field }: DateField) => `${definition.id}.${field}`;

/** Someone who may list, show and export the resource, seeing as much of the province as possible. */
function readerOf(definition: ResourceDefinition): Client | undefined {
  const actions = config.get(definition.id)!.actions;
  const role = (Object.keys(USERS) as Role[]).find((r) => actions.list?.includes(r) && actions.show?.includes(r));
  return role && clients[USERS[role]];
}

async function exportedDays(client: Client, resourceId: string, query: string, column: number): Promise<string[]> {
  const started = await client.post(api.resourceAction(resourceId, 'exportXlsx'), { query });
  expect(started.status).toBe(200);
  await drainJobs(app);
  const status = await client.get(started.body.statusUrl);
  expect(status.body.state).toBe('done');
  const response = await fetch(`${app.url}${status.body.downloadUrl}`, { headers: { cookie: client.cookie } });
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.from(await response.arrayBuffer()) as never);
  const sheet = workbook.worksheets[0]!;
  return Array.from({ length: sheet.rowCount - 1 }, (_, i) => {
    const cell = sheet.getRow(i + 2).getCell(column).value;
    // A date cell is a day serial; ExcelJS gives it back as that day's midnight UTC.
    return cell instanceof Date ? cell.toISOString().slice(0, 10) : String(cell);
  });
}

describe('every date-only field of every resource', () => {
  it('is found in the models', () => {
    const fields = dateOnlyFields();
    expect(fields.length).toBeGreaterThan(0);
    expect(fields.map(label)).toEqual(
      expect.arrayContaining([
        'AgreementSupplier.validFrom',
        'AgreementSupplier.validTo',
        'ContractFiling.signedAt',
        'AcceptanceFiling.acceptedAt',
        'MethodChangeRequest.noticeStartAt',
        'ProcurementIntention.publishedAt',
        'PostAwardRecord.acceptedAt',
      ]),
    );
  });

  it('is the one written by a form only where the form test below covers it', () => {
    const writable = dateOnlyFields().filter(({ definition, field }) => {
      const edit = config.get(definition.id)!.editProperties ?? Object.keys(definition.model.getAttributes());
      return (definition.builtInActions.includes('new') || definition.builtInActions.includes('edit')) && edit.includes(field);
    });
    expect(writable.map(label).sort()).toEqual(['AgreementSupplier.validFrom', 'AgreementSupplier.validTo']);
  });

  it('reads back as the same day on the show page, in the list, through the list filter and in the Excel export', async () => {
    const problems: string[] = [];
    const fields = dateOnlyFields();
    for (const dateField of fields) {
      const { definition, field } = dateField;
      const where = label(dateField);
      const client = readerOf(definition);
      if (!client) {
        problems.push(`${where}: nobody may list and show it`);
        continue;
      }
      const key = definition.model.primaryKeyAttribute;
      const byKey = `&sortBy=${key}&direction=asc`;
      const first = await client.get(api.list(definition.id, byKey).replace('perPage=500', 'perPage=1'));
      const id = first.body.records?.[0]?.id as string | undefined;
      if (!id) {
        problems.push(`${where}: no record visible to ${client.username}`);
        continue;
      }
      await definition.model.update({ [field]: DAY }, { where: { [key]: id }, hooks: false, silent: true });

      const shown = await client.get(api.show(definition.id, id));
      if (shown.body.record?.params?.[field] !== DAY) problems.push(`${where}: show gives ${shown.body.record?.params?.[field]}`);
      const listed = await client.get(api.list(definition.id, byKey).replace('perPage=500', 'perPage=1'));
      if (listed.body.records[0].id !== id || listed.body.records[0].params[field] !== DAY) {
        problems.push(`${where}: list gives ${listed.body.records[0].params[field]}`);
      }

      const range = (from: string, to: string) => `&filters.${field}~~from=${from}&filters.${field}~~to=${to}`;
      const filterable = (config.get(definition.id)!.filterProperties ?? []).includes(field);
      if (filterable) {
        const hit = await client.get(api.list(definition.id, range(DAY, DAY)));
        const days = new Set(hit.body.records.map((r: any) => r.params[field]));
        if (!hit.body.records.some((r: any) => r.id === id) || days.size !== 1 || !days.has(DAY)) {
          problems.push(`${where}: filter ${DAY}–${DAY} finds ${[...days].join(', ') || 'nothing'}`);
        }
        for (const [from, to] of [
          [DAY_AFTER, DAY_AFTER],
          [DAY_BEFORE, DAY_BEFORE],
        ] as const) {
          const miss = await client.get(api.list(definition.id, range(from, to)));
          if (miss.body.records.some((r: any) => r.id === id)) problems.push(`${where}: filter ${from}–${to} finds the record of ${DAY}`);
        }
      }

      const attributes = definition.model.getAttributes();
      const columns = (config.get(definition.id)!.listProperties ?? Object.keys(attributes)).filter(
        (p) => p in attributes || p === 'deadline',
      );
      const column = columns.indexOf(field) + 1;
      if (column > 0) {
        if (filterable) {
          const cells = await exportedDays(client, definition.id, `?${range(DAY, DAY).slice(1)}`, column);
          if (!cells.length || cells.some((c) => c !== DAY)) problems.push(`${where}: export of ${DAY}–${DAY} writes ${cells.join(', ')}`);
        } else {
          const all = await client.get(api.list(definition.id));
          const cells = await exportedDays(client, definition.id, '', column);
          const shownDays = all.body.records.map((r: any) => r.params[field] ?? 'null').sort();
          if (!cells.includes(DAY) || JSON.stringify([...cells].sort()) !== JSON.stringify(shownDays)) {
            problems.push(`${where}: export writes other days than the list shows`);
          }
        }
      }
    }
    expect(problems).toEqual([]);
  });
});

describe('协议供应商: the days a form sends are the days stored and shown', () => {
  const creditCode = (serial: string) => {
    const first17 = `91360121MA35E0H${serial}`;
    return `${first17}${creditCodeCheckChar(first17)}`;
  };
  const form = async (serial: string, validFrom: unknown, validTo: unknown) => ({
    libraryId: (await AgreementLibrary.findOne({ where: { ownerRegionCode: '360121' } }))!.id,
    supplierName: `日期往返供应商${serial}`,
    creditCode: creditCode(serial),
    validFrom,
    validTo,
  });
  const county = () => clients.nanchangxian!;

  it('a day is stored, shown, listed and filtered as that day', async () => {
    const created = await county().post(api.resourceAction('AgreementSupplier', 'new'), await form('01', DAY, '2027-11-30'));
    expect(created.body.notice.type).toBe('success');
    const stored = (await AgreementSupplier.findOne({ where: { creditCode: creditCode('01') } }))!;
    expect([stored.validFrom, stored.validTo]).toEqual([DAY, '2027-11-30']);
    expect(created.body.record.params).toMatchObject({ validFrom: DAY, validTo: '2027-11-30' });
    const shown = await county().get(api.show('AgreementSupplier', stored.id));
    expect(shown.body.record.params).toMatchObject({ validFrom: DAY, validTo: '2027-11-30' });
    const listed = await county().get(api.list('AgreementSupplier', '&filters.validTo~~from=2027-11-30&filters.validTo~~to=2027-11-30'));
    expect(listed.body.records.map((r: any) => r.id)).toContain(stored.id);
    const after = await county().get(api.list('AgreementSupplier', '&filters.validTo~~from=2027-12-01'));
    expect(after.body.records.map((r: any) => r.id)).not.toContain(stored.id);
  });

  it('an instant from a page in China time is the day in China, in the form and in the filter', async () => {
    // What a browser in Asia/Shanghai made of 2026-12-01 and 2027-11-30 before the fix: their midnights, in UTC.
    const created = await county().post(
      api.resourceAction('AgreementSupplier', 'new'),
      await form('02', '2026-11-30T16:00:00.000Z', '2027-11-29T16:00:00.000Z'),
    );
    expect(created.body.notice.type).toBe('success');
    const stored = (await AgreementSupplier.findOne({ where: { creditCode: creditCode('02') } }))!;
    expect([stored.validFrom, stored.validTo]).toEqual([DAY, '2027-11-30']);
    const listed = await county().get(
      api.list('AgreementSupplier', '&filters.validTo~~from=2027-11-29T16:00:00.000Z&filters.validTo~~to=2027-11-29T16:00:00.000Z'),
    );
    expect(listed.body.records.map((r: any) => r.id)).toContain(stored.id);
    expect(new Set(listed.body.records.map((r: any) => r.params.validTo))).toEqual(new Set(['2027-11-30']));
  });

  it('a day that does not exist is refused on its field and never stored; as a filter bound it finds nothing', async () => {
    const before = await AgreementSupplier.count();
    const refused = await county().post(api.resourceAction('AgreementSupplier', 'new'), await form('03', '2026-02-30', '2027-11-30'));
    expect(refused.body.record.errors.validFrom.message).toBe(NOT_A_DAY_MESSAGE);
    expect(await AgreementSupplier.count()).toBe(before);
    const listed = await county().get(api.list('AgreementSupplier', '&filters.validTo~~from=2026-02-30'));
    expect(listed.status).toBe(200);
    expect(listed.body.records).toEqual([]);
  });
});
