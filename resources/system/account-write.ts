import { ValidationError, type ActionContext, type ActionRequest } from 'adminjs';
import { sessionUserOf } from '../../db/jurisdiction-scope.js';
import { SupervisorUser } from '../../db/models/system/supervisor-user.model.js';
import { newPasswordFields, passwordRefusal } from '../../services/password-change.js';
import { accountPolicy } from '../../settings/account-policy.js';
import type { SecurityAuditAction } from '../../domain/audit-actions.js';
import type { EditAudits } from '../../actions/crud-audit-hooks.js';
import { tryRegionLevel } from '../../domain/jurisdiction.js';
import { normaliseUsername, roleRegionMismatch } from '../../domain/user-rules.js';
import { accountChangeRefusals, type AccountField } from '../../domain/separation-of-duties.js';

type FieldErrors = Record<string, { message: string }>;

const stored = (context: ActionContext, field: string): unknown => context.record?.get(field);
const submitted = (payload: Record<string, unknown>, field: string): boolean => payload[field] !== undefined;

/**
 * Role and region must fit together, on create and on every edit: an edit that changes only one of them is checked
 * against the stored other, so two harmless-looking edits cannot build an impossible user.
 */
function roleRegionErrors(payload: Record<string, unknown>, context: ActionContext): FieldErrors {
  if (context.record && !submitted(payload, 'role') && !submitted(payload, 'regionCode')) return {};
  const role = submitted(payload, 'role') ? payload.role : stored(context, 'role');
  const regionCode = String((submitted(payload, 'regionCode') ? payload.regionCode : stored(context, 'regionCode')) ?? '');
  // A code with no row in regions never gets here: actions/write-guard.ts refuses the reference first.
  const message = roleRegionMismatch(role, tryRegionLevel(regionCode));
  if (!message) return {};
  // Shown beside what was changed; a new user gets it beside both.
  const fields = context.record ? ['role', 'regionCode'].filter((f) => submitted(payload, f)) : ['role', 'regionCode'];
  return Object.fromEntries(fields.map((f) => [f, { message }]));
}

/** Stores the username as login will look it up, once; a rename onto someone else's name is refused, not merged. */
async function usernameErrors(payload: Record<string, unknown>, context: ActionContext): Promise<FieldErrors> {
  if (!submitted(payload, 'username')) return {};
  payload.username = normaliseUsername(payload.username);
  const holder = await SupervisorUser.findOne({ where: { username: payload.username as string }, attributes: ['id'] });
  if (holder && String(holder.id) !== String(context.record?.id() ?? '')) return { username: { message: '用户名已被使用' } };
  return {};
}

/** Written only by setting a password (services/password-change.ts), never typed into a form. */
const PASSWORD_STATE_FIELDS = ['passwordHash', 'passwordChangedAt', 'passwordChangeDue'];

const COMPARED: readonly AccountField[] = ['username', 'displayName', 'role', 'regionCode', 'active'];

/** What the form would change: for a new account every field it gives, for an edit the values unlike the stored ones. */
function changedFields(payload: Record<string, unknown>, context: ActionContext, password: string): Set<AccountField> {
  const changed = new Set<AccountField>(password ? ['password'] : []);
  for (const field of COMPARED) {
    if (!submitted(payload, field)) continue;
    const given = String(payload[field] ?? '');
    if (context.record ? given !== String(stored(context, field) ?? '') : given !== '') changed.add(field);
  }
  return changed;
}

/**
 * Checks who may make the change (三员分立, domain/separation-of-duties.ts), hashes a typed password once it passes the
 * policy (config/password-policy.yaml, the account's last passwords included), and refuses users who could never log
 * in or work (role and region apart, a weak password). Both views of the
 * accounts (监管用户 for the system administrator, 用户授权 for the security administrator) write through here.
 */
export async function prepareAccountWrite(request: ActionRequest, context: ActionContext): Promise<ActionRequest> {
  if (request.method !== 'post' || !request.payload) return request;
  const payload: Record<string, unknown> = { ...request.payload };
  const errors: FieldErrors = { ...(await usernameErrors(payload, context)), ...roleRegionErrors(payload, context) };
  const password = typeof payload.password === 'string' ? payload.password : '';
  delete payload.password;
  for (const name of PASSWORD_STATE_FIELDS) delete payload[name];
  const me = sessionUserOf(context);
  const refusals = me
    ? accountChangeRefusals({
        actor: me,
        target: context.record ? { id: context.record.id(), role: String(stored(context, 'role')) } : null,
        changed: changedFields(payload, context, password),
        role: submitted(payload, 'role') ? payload.role : stored(context, 'role'),
      })
    : { role: '请先登录' };
  // Whose duty it is comes before how the value is written: no point telling someone how to fix what is not theirs.
  for (const [field, message] of Object.entries(refusals)) errors[field] = { message };
  if (password && !refusals.password) {
    const username = String((submitted(payload, 'username') ? payload.username : stored(context, 'username')) ?? '');
    const id = context.record ? Number(context.record.id()) : null;
    const refusal = await passwordRefusal(password, { username, id }, accountPolicy().password);
    const own = !!context.record && !!me && String(context.record.id()) === String(me.id);
    if (refusal) errors.password = { message: refusal };
    // Set for someone else, it is theirs to replace at their next login: a new account's initial one, a reset one.
    else if (!Object.keys(errors).length)
      Object.assign(payload, await newPasswordFields(password, own ? null : context.record ? 'reset' : 'initial'));
  } else if (!password && !context.record) {
    errors.password = { message: '新建用户必须设置初始密码' };
  }
  if (Object.keys(errors).length) throw new ValidationError(errors, { message: '提交的内容有误，未作任何修改' });
  return { ...request, payload };
}

/** What marks a password set in the audit trail: that it was set, never anything of it. */
export const NEW_PASSWORD_MARK = '（已设置新密码）';

/**
 * An account's edit as the events the audit administrator looks for: a change of role or region, a password set (by
 * the user: changed; by someone else: reset), and the rest as an edit.
 */
export const accountEditAudits: EditAudits = (changes, request, context) => {
  // The password's own dates go with its row; the rights version moves with the first two and is said by them.
  const { role, regionCode, rightsVersion: _moved, passwordChangedAt: _set, passwordChangeDue: _due, ...rest } = changes;
  const audits: Array<{ action: SecurityAuditAction | 'edit'; changes: typeof changes }> = [];
  if (role || regionCode) audits.push({ action: 'userRoleChanged', changes: { ...(role && { role }), ...(regionCode && { regionCode }) } });
  if (request.payload?.passwordHash) {
    const own = String(context.record?.id() ?? '') === String(sessionUserOf(context)?.id ?? '');
    audits.push({ action: own ? 'passwordChanged' : 'passwordReset', changes: { password: { before: null, after: NEW_PASSWORD_MARK } } });
  }
  if (Object.keys(rest).length || !audits.length) audits.push({ action: 'edit', changes: rest });
  return audits;
};
