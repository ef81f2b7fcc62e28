import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { RESOURCE_DEFINITIONS } from '../../resources/index.js';
import { api, login, startTestApp, type Client } from '../support/test-app.js';

/**
 * F4, the panel's half: every supervisory action of every resource, sent what a careless or hostile client sends —
 * no reason where one is required, a reason far too long, an id that does not exist — answers in Chinese and
 * changes nothing.
 */
const actions = RESOURCE_DEFINITIONS.flatMap((definition) =>
  Object.entries(definition.options?.actions ?? {})
    .filter(
      ([, action]) =>
        (action as { actionType?: string }).actionType === 'record' && (action as { custom?: { reason?: string } }).custom?.reason,
    )
    .map(([name, action]) => ({ resource: definition.id, name, reason: (action as { custom: { reason: string } }).custom.reason })),
);

let app: Awaited<ReturnType<typeof startTestApp>>;
const clients: Record<string, Client> = {};
const actors = ['nanchang', 'province', 'gongguanban'];

beforeAll(async () => {
  app = await startTestApp();
  for (const name of actors) clients[name] = await login(app.url, name);
});
afterAll(async () => {
  await app.stop();
});

/** The record as its page shows it, without the parts that are worked out at each read. */
async function snapshot(client: Client, resource: string, id: string): Promise<Record<string, unknown>> {
  const { body } = await client.get(api.show(resource, id));
  const { history: _history, related: _related, deadline: _deadline, ...params } = body.record.params;
  return params;
}

describe('every supervisory action refuses bad input in Chinese and changes nothing', () => {
  it('covers the actions of every menu', () => {
    expect(actions.length).toBeGreaterThanOrEqual(25);
  });

  it.each(actions.map((a) => [`${a.resource}.${a.name}`, a] as const))('%s', async (_label, { resource, name, reason }) => {
    let client: Client | undefined;
    let id: string | undefined;
    for (const actor of actors) {
      const { body } = await clients[actor]!.get(api.list(resource, '&perPage=5'));
      const record = body.records?.find((r: any) => r.recordActions.some((a: any) => a.name === name));
      if (record) {
        client = clients[actor];
        id = String(record.id);
        break;
      }
    }
    if (!client || !id) return;
    const before = await snapshot(client, resource, id);
    if (reason === 'required') {
      const missing = await client.post(api.record(resource, id, name), { reason: '   ' });
      expect(missing.body.notice).toMatchObject({ type: 'error', message: '请填写原因（必填）' });
    }
    if (reason !== 'none') {
      const long = await client.post(api.record(resource, id, name), { reason: '理'.repeat(501) });
      expect(long.body.notice).toMatchObject({ type: 'error', message: '原因不能超过 500 个字（当前 501 个字）' });
    }
    const unknown = await client.post(api.record(resource, '999999999', name), { reason: '测试' });
    expect(unknown.body.record.baseError.type).toBe('NotFoundError');
    expect(await snapshot(client, resource, id)).toEqual(before);
  });
});
