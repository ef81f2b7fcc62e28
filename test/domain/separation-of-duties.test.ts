import { describe, expect, it } from '@jest/globals';
import {
  accountChangeRefusals,
  ADMINISTRATOR_ACCOUNTS_BY_SECURITY,
  ADMINISTRATOR_ROLE_FIXED,
  IDENTITY_KEPT_BY_ADMIN,
  mayManageSecurity,
  mayReadAuditTrail,
  NO_PROMOTION,
  NOT_YOUR_DUTY,
  OFFICE_ACCOUNTS_BY_ADMIN,
  ROLE_GRANTED_BY_SECURITY,
  type AccountField,
} from '../../domain/separation-of-duties.js';
import { ADMINISTRATOR_ROLES, OFFICE_ROLES, readsBusinessRecords, ROLES, type Role } from '../../domain/jurisdiction.js';
import { roleRegionMismatch, ROLE_NAMES } from '../../domain/user-rules.js';
import { jurisdictionWhere, type SessionUser } from '../../db/jurisdiction-scope.js';

const admin = { id: 1, role: 'admin' as Role };
const security = { id: 2, role: 'security' as Role };
const auditor = { id: 3, role: 'auditor' as Role };
const fields = (...names: AccountField[]) => new Set(names);
const county = { id: 10, role: 'county' };

describe('三员分立: the roles', () => {
  it('has the three administrators and the four offices, each named, all administrators at 360000', () => {
    expect([...ROLES].sort()).toEqual([...ADMINISTRATOR_ROLES, ...OFFICE_ROLES].sort());
    expect(ROLE_NAMES.security).toBe('安全管理员');
    expect(ROLE_NAMES.auditor).toBe('审计管理员');
    for (const role of ADMINISTRATOR_ROLES) {
      expect(roleRegionMismatch(role, 'province')).toBeNull();
      expect(roleRegionMismatch(role, 'city')).toContain('江西省（360000）');
    }
  });

  it('only the offices and the system administrator read procurement records', () => {
    expect(ROLES.filter(readsBusinessRecords)).toEqual(['admin', 'province', 'city', 'county', 'gongguanban']);
  });

  it('the predicates other checks use name one duty each', () => {
    expect(ROLES.filter((role) => mayManageSecurity({ role }))).toEqual(['security']);
    expect(ROLES.filter((role) => mayReadAuditTrail({ role }))).toEqual(['auditor']);
    expect(mayManageSecurity(undefined)).toBe(false);
  });
});

describe('what each role sees, whatever the resource config says (db/jurisdiction-scope.ts)', () => {
  const user = (role: Role, regionCode = '360000') => ({ id: 1, role, regionCode }) as SessionUser;
  const region = { kind: 'region', field: 'regionCode' } as const;
  const library = { kind: 'library', field: 'libraryRegionCode' } as const;
  const audit = { kind: 'audit', field: 'regionCode' } as const;
  const system = { kind: 'admin' } as const;

  it('the security and the audit administrator see no procurement record', () => {
    for (const role of ['security', 'auditor'] as const) {
      expect(jurisdictionWhere(region, user(role))).toBeNull();
      expect(jurisdictionWhere(library, user(role))).toBeNull();
    }
  });

  it('the audit trail is the audit administrator’s whole; an office counts in its own region only', () => {
    expect(jurisdictionWhere(audit, user('auditor'))).toEqual({});
    expect(jurisdictionWhere(audit, user('security'))).toBeNull();
    expect(jurisdictionWhere(audit, user('county', '360121'))).toEqual({ regionCode: '360121' });
  });

  it('the system’s own tables are the three administrators’ and no office’s', () => {
    for (const role of ADMINISTRATOR_ROLES) expect(jurisdictionWhere(system, user(role))).toEqual({});
    for (const role of OFFICE_ROLES) expect(jurisdictionWhere(system, user(role, role === 'city' ? '360100' : '360000'))).toBeNull();
  });
});

describe('who creates which account', () => {
  it.each(OFFICE_ROLES)('the system administrator creates a %s account, the security administrator does not', (role) => {
    const changed = fields('username', 'displayName', 'role', 'regionCode', 'password');
    expect(accountChangeRefusals({ actor: admin, target: null, changed, role })).toEqual({});
    expect(accountChangeRefusals({ actor: security, target: null, changed, role })).toEqual({ role: OFFICE_ACCOUNTS_BY_ADMIN });
  });

  it.each(ADMINISTRATOR_ROLES)('the security administrator creates a %s account, the system administrator does not', (role) => {
    const changed = fields('username', 'displayName', 'role', 'regionCode', 'password');
    expect(accountChangeRefusals({ actor: security, target: null, changed, role })).toEqual({});
    expect(accountChangeRefusals({ actor: admin, target: null, changed, role })).toEqual({ role: ADMINISTRATOR_ACCOUNTS_BY_SECURITY });
  });

  it('the audit administrator and the offices create nothing', () => {
    for (const actor of [auditor, { id: 4, role: 'province' as Role }])
      expect(accountChangeRefusals({ actor, target: null, changed: fields('username', 'role'), role: 'county' })).toEqual({
        username: NOT_YOUR_DUTY,
        role: NOT_YOUR_DUTY,
      });
  });
});

describe('who changes what of an existing account', () => {
  it("the system administrator keeps an office account's name, region, active flag and password, but not its role", () => {
    const keep = fields('username', 'displayName', 'regionCode', 'active', 'password');
    expect(accountChangeRefusals({ actor: admin, target: county, changed: keep })).toEqual({});
    expect(accountChangeRefusals({ actor: admin, target: county, changed: fields('role'), role: 'city' })).toEqual({
      role: ROLE_GRANTED_BY_SECURITY,
    });
  });

  it("the system administrator touches no administrator's account", () => {
    for (const role of ADMINISTRATOR_ROLES)
      expect(accountChangeRefusals({ actor: admin, target: { id: 20, role }, changed: fields('password', 'active') })).toEqual({
        password: ADMINISTRATOR_ACCOUNTS_BY_SECURITY,
        active: ADMINISTRATOR_ACCOUNTS_BY_SECURITY,
      });
  });

  it('the security administrator grants office roles, locks, unlocks and resets, but keeps away from names', () => {
    const grant = fields('role', 'regionCode', 'active', 'password');
    expect(accountChangeRefusals({ actor: security, target: county, changed: grant, role: 'city' })).toEqual({});
    expect(accountChangeRefusals({ actor: security, target: county, changed: fields('username', 'displayName') })).toEqual({
      username: IDENTITY_KEPT_BY_ADMIN,
      displayName: IDENTITY_KEPT_BY_ADMIN,
    });
  });

  it("never makes an office account an administrator's, nor changes an administrator account's duty", () => {
    for (const role of ADMINISTRATOR_ROLES)
      expect(accountChangeRefusals({ actor: security, target: county, changed: fields('role'), role })).toEqual({ role: NO_PROMOTION });
    expect(accountChangeRefusals({ actor: security, target: { id: 21, role: 'auditor' }, changed: fields('role'), role: 'admin' })).toEqual(
      {
        role: ADMINISTRATOR_ROLE_FIXED,
      },
    );
    expect(accountChangeRefusals({ actor: security, target: { id: 21, role: 'auditor' }, changed: fields('active', 'password') })).toEqual(
      {},
    );
  });

  it('nobody changes their own role, region or active flag', () => {
    const own = { id: security.id, role: 'security' };
    expect(
      accountChangeRefusals({ actor: security, target: own, changed: fields('role', 'regionCode', 'active'), role: 'auditor' }),
    ).toEqual({
      role: '不能修改自己的角色',
      regionCode: '不能修改自己的所属辖区',
      active: '不能停用或启用自己的账号',
    });
    expect(accountChangeRefusals({ actor: security, target: own, changed: fields('password') })).toEqual({});
  });

  it('the audit administrator changes nothing, not even a password', () => {
    expect(accountChangeRefusals({ actor: auditor, target: county, changed: fields('password') })).toEqual({ password: NOT_YOUR_DUTY });
    expect(accountChangeRefusals({ actor: auditor, target: { id: 3, role: 'auditor' }, changed: fields('password') })).toEqual({
      password: NOT_YOUR_DUTY,
    });
  });
});
