import { declareRecord } from '../record/declare-record.js';
import { integer, moment, reference, text } from '../record/fields.js';
import { SUPERVISOR_USER } from './supervisor-user.record.js';

/**
 * 在线会话: one signed-in session and whose it is, read from the `active_sessions` view over the sessions and their
 * users (its key is the session's public handle). A session past its idle or absolute end leaves it within two
 * minutes (http/session-store.ts sweeps them).
 */
export const ACTIVE_SESSION = declareRecord({
  name: 'ActiveSession',
  table: 'active_sessions',
  view: true,
  label: { zh: '在线会话', en: 'Active sessions' },
  jurisdiction: { kind: 'admin' },
  fields: {
    id: text(32, { zh: '会话标识', en: 'Session key' }, { primaryKey: true }),
    userId: reference('supervisor_users', 'id', integer({ zh: '用户编号', en: 'User id' })),
    username: text(50, { zh: '用户名', en: 'Username' }),
    displayName: text(50, { zh: '姓名/单位', en: 'Name / office' }),
    role: SUPERVISOR_USER.fields.role,
    regionCode: reference('regions', 'code', text(6, { zh: '所属辖区', en: 'Jurisdiction' })),
    ip: text(64, { zh: '来源地址', en: 'From address' }, { nullable: true }),
    startedAt: moment({ zh: '登录时间', en: 'Signed in at' }),
    lastActiveAt: moment({ zh: '最后活动', en: 'Last activity' }),
  },
});
