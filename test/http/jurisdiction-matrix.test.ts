import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Op, type WhereOptions } from 'sequelize';
import type { JurisdictionKind } from '../../db/jurisdiction-kind.js';
import { RESOURCE_DEFINITIONS } from '../../resources/index.js';
import { api, login, startTestApp, type Client } from '../support/test-app.js';

/**
 * Every resource whose rows belong to a region, taken from the registry (a new resource is covered without anyone
 * listing it): each user's list holds exactly the regions of their subtree that the resource has rows in.
 */
const USERS: Record<string, string | null> = {
  nanchangxian: '360121',
  nanchang: '3601',
  ganzhou: '3607',
  province: null,
  gongguanban: null,
};
const REGIONAL = RESOURCE_DEFINITIONS.filter(
  (d) => (d.model as unknown as { jurisdiction?: JurisdictionKind }).jurisdiction?.kind === 'region',
);

let app: Awaited<ReturnType<typeof startTestApp>>;
const clients: Record<string, Client> = {};

beforeAll(async () => {
  app = await startTestApp();
  for (const user of Object.keys(USERS)) clients[user] = await login(app.url, user);
});
afterAll(async () => {
  await app.stop();
});

const fieldOf = (definition: (typeof REGIONAL)[number]) =>
  (definition.model as unknown as { jurisdiction: { field: string } }).jurisdiction.field;

/** The regions a user's list must show: those of the resource's rows (its view's) inside the user's subtree. */
async function expectedRegions(definition: (typeof REGIONAL)[number], subtree: string | null): Promise<string[]> {
  const field = fieldOf(definition);
  const where: WhereOptions = { [Op.and]: [definition.viewWhere ?? {}, ...(subtree ? [{ [field]: { [Op.like]: `${subtree}%` } }] : [])] };
  const rows = (await definition.model.findAll({ where, attributes: [field], group: [field], raw: true })) as unknown as Array<
    Record<string, string>
  >;
  return rows.map((row) => row[field]!).sort();
}

/** Every region the user's list shows, over all its pages. */
async function listedRegions(client: Client, resourceId: string, field: string): Promise<string[]> {
  const regions = new Set<string>();
  for (let page = 1; ; page++) {
    const { status, body } = await client.get(api.list(resourceId, `&page=${page}`));
    expect({ resourceId, status }).toEqual({ resourceId, status: 200 });
    for (const record of body.records) regions.add(record.params[field]);
    if (page * 500 >= body.meta.total) return [...regions].sort();
  }
}

describe('list follows the region subtree, for every regional resource of the registry', () => {
  it('the registry has the regional resources the product shows', () => {
    expect(REGIONAL.length).toBeGreaterThan(30);
  });

  it.each(Object.entries(USERS))("%s sees exactly its subtree's regions in every regional list", async (user, subtree) => {
    let withRows = 0;
    for (const definition of REGIONAL) {
      const field = fieldOf(definition);
      const expected = await expectedRegions(definition, subtree);
      if (expected.length) withRows++;
      expect({ resource: definition.id, regions: await listedRegions(clients[user]!, definition.id, field) }).toEqual({
        resource: definition.id,
        regions: expected,
      });
    }
    // Most lists have rows for this user, so the comparison above says something.
    expect(withRows).toBeGreaterThan(REGIONAL.length / 2);
  });
});
