import { declareRecord } from '../record/declare-record.js';
import { autoId, integer, reference, stamp, text } from '../record/fields.js';

/**
 * A password an account had before (its hash only): a new password may not be one of the last few
 * (config/password-policy.yaml `history`). Written whenever a password is replaced, however it is written.
 */
export const PASSWORD_HISTORY = declareRecord({
  name: 'PasswordHistory',
  table: 'password_history',
  indexes: [{ fields: ['userId', 'id'] }],
  label: { zh: '历史密码', en: 'Password history' },
  // No page shows it: only the password check reads it.
  jurisdiction: { kind: 'admin' },
  fields: {
    id: autoId(),
    userId: reference('supervisor_users', 'id', integer({ zh: '用户编号', en: 'User id' })),
    passwordHash: text(200, { zh: '密码摘要', en: 'Password hash' }),
    createdAt: stamp({ zh: '停用时间', en: 'Replaced at' }),
  },
});
