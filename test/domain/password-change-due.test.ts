import { describe, expect, it } from '@jest/globals';
import { passwordChangeDue, passwordChangeNotice } from '../../domain/password-change-due.js';
import { previousLoginNotice } from '../../domain/login-notice.js';
import { DEFAULT_PASSWORD_POLICY } from '../../domain/user-rules.js';

const now = new Date('2026-06-30T04:00:00Z');
const daysAgo = (days: number) => new Date(now.getTime() - days * 86_400_000);

describe('passwordChangeDue', () => {
  it('a password the user chose within the policy’s days need not change', () => {
    expect(
      passwordChangeDue({ passwordChangeDue: null, passwordChangedAt: daysAgo(89), createdAt: daysAgo(400) }, DEFAULT_PASSWORD_POLICY, now),
    ).toBeNull();
  });

  it('one set 90 days ago or more has expired; with maxAgeDays 0 none does', () => {
    const state = { passwordChangeDue: null, passwordChangedAt: daysAgo(90), createdAt: daysAgo(400) };
    expect(passwordChangeDue(state, DEFAULT_PASSWORD_POLICY, now)).toBe('expired');
    expect(passwordChangeDue(state, { ...DEFAULT_PASSWORD_POLICY, maxAgeDays: 0 }, now)).toBeNull();
  });

  it('an account stored before the time was kept counts from its creation', () => {
    expect(
      passwordChangeDue({ passwordChangeDue: null, passwordChangedAt: null, createdAt: daysAgo(91) }, DEFAULT_PASSWORD_POLICY, now),
    ).toBe('expired');
  });

  it('a password someone else set must change, however fresh; the demo password typed in production too', () => {
    const fresh = { passwordChangedAt: daysAgo(0), createdAt: daysAgo(0) };
    expect(passwordChangeDue({ ...fresh, passwordChangeDue: 'initial' }, DEFAULT_PASSWORD_POLICY, now)).toBe('initial');
    expect(passwordChangeDue({ ...fresh, passwordChangeDue: 'reset' }, DEFAULT_PASSWORD_POLICY, now)).toBe('reset');
    expect(passwordChangeDue({ ...fresh, passwordChangeDue: null }, DEFAULT_PASSWORD_POLICY, now, true)).toBe('demo');
  });

  it('each reason is told in Chinese, the expiry with its days', () => {
    expect(passwordChangeNotice('initial', DEFAULT_PASSWORD_POLICY)).toContain('初始密码');
    expect(passwordChangeNotice('reset', DEFAULT_PASSWORD_POLICY)).toContain('已由管理员重置');
    expect(passwordChangeNotice('expired', DEFAULT_PASSWORD_POLICY)).toContain('超过 90 天');
    expect(passwordChangeNotice('demo', DEFAULT_PASSWORD_POLICY)).toContain('演示密码');
  });
});

describe('previousLoginNotice', () => {
  it('names the last login in China time and its address, and says when nothing failed since', () => {
    expect(
      previousLoginNotice({ at: '2026-06-29T01:05:00.000Z', ip: '::ffff:10.1.2.3', failures: 0, lastFailureAt: null, lastFailureIp: null }),
    ).toEqual({ text: '上次登录：2026-06-29 09:05，来自 10.1.2.3。此后没有失败的登录。', warning: false });
  });

  it('counts the failures since, naming the latest, as a warning', () => {
    expect(
      previousLoginNotice({
        at: '2026-06-29T01:05:00.000Z',
        ip: '10.1.2.3',
        failures: 3,
        lastFailureAt: '2026-06-29T16:30:00.000Z',
        lastFailureIp: '203.0.113.9',
      }),
    ).toEqual({
      text: '上次登录：2026-06-29 09:05，来自 10.1.2.3。此后登录失败 3 次，最近一次 2026-06-30 00:30，来自 203.0.113.9。如非本人操作，请修改密码并告知安全管理员。',
      warning: true,
    });
  });

  it('at the first login says so', () => {
    expect(previousLoginNotice({ at: null, ip: null, failures: 0, lastFailureAt: null, lastFailureIp: null }).text).toBe(
      '这是该账号首次登录。',
    );
  });
});
