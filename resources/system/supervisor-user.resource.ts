import { ValidationError, type ActionContext, type ActionRequest } from 'adminjs';
import { sessionUserOf } from '../jurisdiction-scope.js';
import type { ResourceDefinition } from '../resource-definition.js';
import { SupervisorUser } from './supervisor-user.model.js';
import { hashPassword } from '../../server/password-hash.js';

const PASSWORD_RULE = /^(?=.*[A-Za-z])(?=.*\d).{8,72}$/;

/** Hashes a typed password and stops anyone from raising their own role or moving their own region. */
async function prepareUserWrite(request: ActionRequest, context: ActionContext): Promise<ActionRequest> {
  if (request.method !== 'post' || !request.payload) return request;
  const payload = { ...request.payload };
  const errors: Record<string, { message: string }> = {};
  const password = typeof payload.password === 'string' ? payload.password : '';
  delete payload.password;
  delete payload.passwordHash;
  if (password) {
    if (!PASSWORD_RULE.test(password)) errors.password = { message: '密码至少 8 位，须同时包含字母和数字' };
    else payload.passwordHash = await hashPassword(password);
  } else if (!context.record) {
    errors.password = { message: '新建用户必须设置初始密码' };
  }
  const me = sessionUserOf(context);
  if (context.record && me && String(context.record.id()) === String(me.id)) {
    if (payload.role !== undefined && payload.role !== me.role) errors.role = { message: '不能修改自己的角色' };
    if (payload.regionCode !== undefined && payload.regionCode !== me.regionCode) errors.regionCode = { message: '不能修改自己的所属辖区' };
    if (payload.active !== undefined && String(payload.active) === 'false') errors.active = { message: '不能停用自己的账号' };
  }
  if (Object.keys(errors).length) throw new ValidationError(errors, { message: '提交的内容有误，未作任何修改' });
  return { ...request, payload };
}

export const supervisorUserResource: ResourceDefinition = {
  id: 'SupervisorUser',
  model: SupervisorUser,
  builtInActions: ['list', 'show', 'search', 'new', 'edit'],
  virtualProperties: ['password'],
  options: {
    titleProperty: 'displayName',
    properties: {
      passwordHash: { isVisible: false },
      password: { type: 'password', isVisible: { list: false, show: false, filter: false, edit: true } },
      lastLoginAt: { isVisible: { list: true, show: true, filter: false, edit: false } },
    },
    actions: {
      new: { before: [prepareUserWrite] },
      edit: { before: [prepareUserWrite] },
    },
  },
};
