import { declareRecord } from '../record/declare-record.js';
import { autoId, boolean, choice, stamp, text } from '../record/fields.js';

/** A login attempt (登录安全事件): kept in the database so that every web instance counts the same failures. */
export const LOGIN_ATTEMPT = declareRecord({
  name: 'LoginAttempt',
  table: 'login_attempts',
  indexes: [{ fields: ['username', 'createdAt'] }, { fields: ['ip', 'createdAt'] }, { fields: ['deviceId', 'createdAt'] }],
  label: { zh: '登录安全事件', en: 'Login attempt' },
  jurisdiction: { kind: 'admin' },
  fields: {
    id: autoId(),
    username: text(100, { zh: '用户名', en: 'Username' }),
    ip: text(64, { zh: '来源地址', en: 'From address' }),
    succeeded: boolean({ zh: '成功', en: 'Succeeded' }),
    // Kept as a string: the table has no enum for it.
    outcome: choice(
      {
        succeeded: { zh: '登录成功', en: 'Signed in' },
        wrongPassword: { zh: '密码错误', en: 'Wrong password' },
        unknownUser: { zh: '用户名不存在', en: 'Unknown user' },
        inactive: { zh: '账号已停用', en: 'Account disabled' },
        throttled: { zh: '失败过多，已延迟', en: 'Too many failures, delayed' },
        // Not an attempt: the security administrator forgave the account's failures (its audit entry names who).
        unlocked: { zh: '管理员解除限制', en: 'Unlocked by an administrator' },
      },
      { zh: '结果', en: 'Outcome' },
      {
        tones: {
          succeeded: 'done',
          wrongPassword: 'refused',
          unknownUser: 'refused',
          inactive: 'refused',
          throttled: 'refused',
          unlocked: 'neutral',
        },
        length: 20,
        nullable: true,
      },
    ),
    /** The trusted browser the attempt came from (set at an earlier successful login), if any. */
    deviceId: text(64, { zh: '受信任浏览器', en: 'Trusted browser' }, { nullable: true }),
    createdAt: stamp({ zh: '时间', en: 'Time' }),
  },
});
