import { ROLE_NAMES } from '../../domain/user-rules.js';
import type { SetByOthers } from '../../domain/password-change-due.js';
import { timestamps } from '../record/blocks.js';
import { declareRecord } from '../record/declare-record.js';
import { autoId, bilingual, boolean, choice, integer, moment, reference, text } from '../record/fields.js';

/** A supervisor's account (监管用户): an office's role in one region, its password and whether it may sign in. */
export const SUPERVISOR_USER = declareRecord({
  name: 'SupervisorUser',
  table: 'supervisor_users',
  label: { zh: '监管用户', en: 'Supervisor user' },
  jurisdiction: { kind: 'admin' },
  fields: {
    id: autoId(),
    username: text(
      50,
      { zh: '用户名', en: 'Username' },
      {
        unique: true,
        // Lower case only: login lower-cases what is typed, so an upper-case name could never sign in.
        validate: { is: { args: /^[a-z0-9_.-]{3,50}$/, msg: '用户名只能包含小写字母、数字、下划线、点和横线，3 到 50 个字符' } },
      },
    ),
    displayName: text(50, { zh: '姓名/单位', en: 'Name / office' }),
    role: choice(
      bilingual(ROLE_NAMES, {
        admin: 'System administrator',
        security: 'Security administrator',
        auditor: 'Audit administrator',
        province: 'Provincial office',
        city: 'City office',
        county: 'County office',
        gongguanban: 'Public resources office',
      }),
      { zh: '角色', en: 'Role' },
    ),
    regionCode: reference('regions', 'code', text(6, { zh: '所属辖区', en: 'Jurisdiction' })),
    passwordHash: text(200, { zh: '密码摘要', en: 'Password hash' }),
    active: boolean({ zh: '启用', en: 'Active' }, { default: true }),
    lastLoginAt: moment({ zh: '最后登录', en: 'Last login' }, { nullable: true }),
    /** Moves on whenever role, region, active or password change; a session signed in under another version ends. */
    rightsVersion: integer({ zh: '权限版本', en: 'Rights version' }, { default: 1 }),
    ...timestamps(),
    /** When the password was last set, by anyone: it expires after the policy's days (domain/password-change-due.ts). */
    passwordChangedAt: moment({ zh: '密码设置时间', en: 'Password set at' }, { nullable: true }),
    /** Set when someone other than the user chose the password: the user must choose their own at the next login. */
    passwordChangeDue: choice(
      {
        initial: { zh: '初始密码，待本人修改', en: 'Initial password, to be changed' },
        reset: { zh: '已重置，待本人修改', en: 'Reset, to be changed' },
      } satisfies Record<SetByOthers, { zh: string; en: string }>,
      { zh: '须修改密码', en: 'Password change due' },
      { length: 10, nullable: true, tones: { initial: 'pending', reset: 'pending' } },
    ),
  },
});
