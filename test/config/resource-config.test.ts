import fs from 'node:fs';
import { afterAll, describe, expect, it } from '@jest/globals';
import { RESOURCE_DEFINITIONS } from '../../resources/index.js';
import { initMiddleModels, initModels } from '../../db/models.js';
import { createSequelize } from '../../db/database.js';
import { ConfigError } from '../../settings/config-error.js';
import { parseResourceConfig } from '../../panel/resource-config.js';

// Property names come from the models, which exist once bound to a connection.
const sequelize = createSequelize('sqlite::memory:');
initModels(sequelize);
initMiddleModels(sequelize);
afterAll(() => sequelize.close());

const shipped = fs.readFileSync(new URL('../../config/resources.yaml', import.meta.url), 'utf8');
const parse = (text: string) => parseResourceConfig(text, 'config/resources.yaml', RESOURCE_DEFINITIONS);
const expectError = (text: string, pattern: RegExp) => {
  expect(() => parse(text)).toThrow(ConfigError);
  expect(() => parse(text)).toThrow(pattern);
};

describe('config/resources.yaml', () => {
  it('the shipped file is valid and covers every resource', () => {
    const config = parse(shipped);
    expect([...config.keys()].sort()).toEqual(RESOURCE_DEFINITIONS.map((d) => d.id).sort());
    expect(config.get('ProcurementUnit')!.actions.approve).toEqual(['province', 'city', 'county']);
    expect(config.get('Escalation')!.actions.list).toEqual(['admin', 'province', 'city', 'county', 'gongguanban']);
    expect(config.get('AuditLog')!.actions.list).toEqual(['auditor']);
  });

  it('三员分立: each administrator reaches only the resources of their duty, and no office reaches any of them', () => {
    const config = parse(shipped);
    const reached = (role: string) =>
      [...config.entries()]
        .filter(([, c]) => Object.values(c.actions).some((roles) => roles.includes(role as never)))
        .map(([id]) => id)
        .sort();
    // The region tree is every signed-in user's reference data: the user forms and the audit trail name regions.
    expect(reached('security')).toEqual(['ActiveSession', 'LoginAttempt', 'Region', 'RoleGrant']);
    expect(reached('auditor')).toEqual(['AuditLog', 'LoginAttempt', 'Region']);
    const duties = ['SupervisorUser', 'RoleGrant', 'AuditLog', 'LoginAttempt', 'IntegrationInbox'];
    for (const role of ['admin', 'province', 'city', 'county', 'gongguanban'])
      expect({ role, reaches: reached(role).filter((id) => duties.includes(id)) }).toEqual({
        role,
        reaches: role === 'admin' ? ['IntegrationInbox', 'SupervisorUser'] : [],
      });
    // Whoever may export the audit trail or the security events: the audit administrator alone.
    expect(config.get('AuditLog')!.actions.exportXlsx).toEqual(['auditor']);
    expect(config.get('LoginAttempt')!.actions.exportXlsx).toEqual(['auditor']);
  });

  it('`all` is the offices and the system administrator, never the security or the audit administrator', () => {
    const config = parse(shipped.replace('approve: [province, city, county]', 'approve: [all]'));
    expect(config.get('ProcurementUnit')!.actions.approve).toEqual(['admin', 'province', 'city', 'county', 'gongguanban']);
  });

  it('every list whose records belong to regions shows the region: a city or the province sees several levels at once', () => {
    const config = parse(shipped);
    const regional = [...config.entries()].filter(([, c]) =>
      c.showProperties?.some((p) => p === 'regionCode' || p === 'registrationRegion'),
    );
    expect(regional.length).toBeGreaterThan(10);
    for (const [id, c] of regional) {
      expect({ id, listsRegion: c.listProperties!.some((p) => p === 'regionCode' || p === 'registrationRegion') }).toEqual({
        id,
        listsRegion: true,
      });
    }
  });

  it('an unknown resource names the file, the path and the valid resources', () => {
    expectError(
      `${shipped}\n  Unicorn:\n    label: x\n    menu: system\n    actions: {}\n`,
      /config\/resources\.yaml: resources\.Unicorn: 未知资源 "Unicorn"，可用资源: .*ProcurementUnit/,
    );
  });

  it('an unknown property names the list, the index and the valid fields', () => {
    expectError(
      shipped.replace('listProperties: [name, status, deadline,', 'listProperties: [name, statos, deadline,'),
      /resources\.ProcurementUnit\.listProperties\[1\]: 未知字段 "statos"，可用字段: .*status/,
    );
  });

  it('an unknown role or action is an error', () => {
    expectError(
      shipped.replace('approve: [province, city, county]', 'approve: [province, mayor]'),
      /resources\.ProcurementUnit\.actions\.approve\[1\]: 未知角色 "mayor"，可用角色: admin, security, auditor, province/,
    );
    expectError(
      shipped.replace('      approve: [province, city, county]', '      approve: [province, city, county]\n      launch: [admin]'),
      /resources\.ProcurementUnit\.actions\.launch: 未知操作 "launch"/,
    );
  });

  it('a read-only resource cannot be given a write action it does not have', () => {
    expectError(
      shipped.replace(/(IntegrationUnit:[\s\S]*?actions:\n)/, '$1      new: [admin]\n'),
      /resources\.IntegrationUnit\.actions\.new: 未知操作 "new"，该资源可用操作: list, show, search/,
    );
  });

  it("the 一体化 views stand under 计划管理 as the manual has them, and an admin's own group 一体化 is still accepted", () => {
    const config = parse(shipped);
    for (const id of ['IntegrationBudget', 'IntegrationUnit', 'PaymentMiddleRecord', 'PaymentVoucher'])
      expect({ id, menu: config.get(id)!.menu }).toEqual({ id, menu: 'procurement.plan' });
    expect(config.get('IntegrationInbox')!.menu).toBe('system');
    const ownGroup = shipped.replace(/(\n {2}IntegrationUnit:\n[^\n]*\n {4})menu: procurement\.plan/, '$1menu: integration');
    expect(ownGroup).not.toBe(shipped);
    expect(parse(ownGroup).get('IntegrationUnit')!.menu).toBe('integration');
  });

  it('unknown keys, menus, sort fields, broken YAML and missing resources are errors', () => {
    expectError(
      shipped.replace(
        '    menu: entities\n    listProperties: [name, status,',
        '    menu: entities\n    colour: red\n    listProperties: [name, status,',
      ),
      /resources\.ProcurementUnit/,
    );
    expectError(
      shipped.replace(/(\n {2}IntegrationUnit:\n[^\n]*\n {4})menu: procurement\.plan/, '$1menu: nowhere'),
      /resources\.IntegrationUnit\.menu: 未知菜单 "nowhere"/,
    );
    expectError(
      shipped.replace(/(\n {2}Region:[\s\S]*?)sort: \{ sortBy: code, direction: asc \}/, '$1sort: { sortBy: colour, direction: asc }'),
      /resources\.Region\.sort\.sortBy: 未知字段 "colour"/,
    );
    expectError('resources: [', /YAML 格式错误/);
    expectError(shipped.replace(/\n {2}Region:[\s\S]*$/, '\n'), /缺少资源配置: Region/);
  });
});
