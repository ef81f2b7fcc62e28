import type { Express, Request, Response } from 'express';
import { PASSWORD_CHANGE_REASONS, passwordChangeNotice } from '../domain/password-change-due.js';
import { passwordRules, type PasswordPolicy } from '../domain/user-rules.js';
import { SupervisorUser } from '../db/models.js';
import type { SessionUser } from '../db/jurisdiction-scope.js';
import { recordAudit } from '../services/audit.js';
import { newPasswordFields, passwordRefusal } from '../services/password-change.js';
import { verifyPassword } from '../services/password-hash.js';
import { PRODUCT_NAME } from '../panel/admin.js';
import { panelBody } from './panel-body.js';
import { PASSWORD_PATH } from './password-change-gate.js';
import { renewSession } from './renew-session.js';
import type { SessionStore } from './session-store.js';

type Session = { adminUser?: SessionUser; wrongCurrentPasswords?: number };

const escape = (text: string) =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

const field = (name: string, label: string, autocomplete: string) =>
  `<label for="${name}">${label}</label><input type="password" id="${name}" name="${name}" autocomplete="${autocomplete}" required maxlength="200">`;

/**
 * 修改密码, the panel's one page of its own besides the error pages: plain HTML served by the server, so it works
 * while every other page and API answer is held back for a forced change (http/password-change-gate.ts), with no
 * script of the panel loaded.
 */
function renderPage(user: SessionUser, policy: PasswordPolicy, error?: string): string {
  const forced = user.passwordChange ? passwordChangeNotice(user.passwordChange, policy) : null;
  const rules = passwordRules(policy)
    .map((rule) => `<li>${escape(rule)}</li>`)
    .join('');
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>修改密码 - ${PRODUCT_NAME}</title>
<link rel="icon" href="/static/logo.svg"><style>body{font-family:"PingFang SC","Hiragino Sans GB","Microsoft YaHei","Noto Sans CJK SC",sans-serif;background:#f6f7fb;color:#1c1c38;margin:0}
main{max-width:30em;margin:8vh auto;background:#fff;padding:2em 2.5em;box-shadow:0 2px 12px rgba(0,0,0,.08)}h1{font-size:1.3em;margin-top:0}
.who{color:#898a9a}label{display:block;margin:1em 0 .3em}input{width:100%;box-sizing:border-box;padding:.55em;border:1px solid #c0c0ca;font-size:1em}
button{margin-top:1.5em;background:#3040d6;color:#fff;border:0;padding:.7em 2em;font-size:1em;cursor:pointer}
.notice{background:#fff4e5;border-left:4px solid #f08c00;padding:.8em 1em}.error{background:#fdecee;border-left:4px solid #c8102e;padding:.8em 1em}
ul{color:#454655;font-size:.9em;padding-left:1.3em}a{color:#3040d6;margin-right:1.5em}</style></head>
<body><main data-testid="password-page"${forced ? ` data-forced="${escape(user.passwordChange!)}"` : ''}>
<p class="who">${PRODUCT_NAME} · ${escape(user.displayName)}（${escape(user.username)}）</p><h1>修改密码</h1>
${forced ? `<p class="notice" data-testid="password-forced">${escape(forced)}</p>` : ''}
${error ? `<p class="error" role="alert" data-testid="password-error">${escape(error)}</p>` : ''}
<form method="post" action="${PASSWORD_PATH}">
${field('currentPassword', '当前密码', 'current-password')}
${field('newPassword', '新密码', 'new-password')}
${field('confirmPassword', '再次输入新密码', 'new-password')}
<p>新密码须符合：</p><ul>${rules}</ul>
<button type="submit">确认修改</button></form>
<p>${forced ? '' : '<a href="/admin">返回工作台</a>'}<a href="/admin/logout">退出登录</a></p></main></body></html>`;
}

/** A script or the panel's own code posts JSON and reads JSON back; a browser's form gets the page again. */
const wantsJson = (req: Request) => !!req.is('application/json') || req.accepts(['html', 'json']) === 'json';

/** Wrong current passwords one session may type before it is signed out: the form must not become a guessing oracle. */
export const WRONG_CURRENT_PASSWORD_LIMIT = 5;

/**
 * A user changes their own password (from the top bar's menu, or because they must): the current password, then the
 * new one twice, checked against the whole policy including the account's last passwords. The change ends every
 * other session of the user (their rights version moves on, db/models/system/user-rights.ts) and renews this one,
 * and is audited as `passwordChanged`.
 */
export function mountPasswordPage(app: Express, policy: PasswordPolicy, store: SessionStore): void {
  const signedIn = (req: Request, res: Response): SessionUser | null => {
    const user = (req.session as Session | undefined)?.adminUser;
    if (user) return user;
    if (wantsJson(req)) res.status(401).json({ code: 'unauthenticated', message: '请先登录' });
    else res.redirect(303, '/admin/login');
    return null;
  };

  app.get(PASSWORD_PATH, (req, res) => {
    const user = signedIn(req, res);
    if (user) res.type('html').send(renderPage(user, policy));
  });

  app.post(PASSWORD_PATH, panelBody({ loginPath: '/admin/login' }), async (req, res, next) => {
    try {
      const user = signedIn(req, res);
      if (!user) return;
      const session = req.session as Session;
      const fields = (req as { fields?: Record<string, unknown> }).fields ?? {};
      const text = (name: string) => (typeof fields[name] === 'string' ? (fields[name] as string) : '');
      const refuse = (message: string, status = 400) => {
        if (wantsJson(req)) res.status(status).json({ code: 'password_refused', message });
        else
          res
            .status(status)
            .type('html')
            .send(renderPage(user, policy, message));
      };
      const [current, chosen, confirm] = [text('currentPassword'), text('newPassword'), text('confirmPassword')];
      if (!current) return refuse('请输入当前密码');
      if (!chosen) return refuse('请输入新密码');
      if (chosen !== confirm) return refuse('两次输入的新密码不一致');
      const stored = await SupervisorUser.findByPk(user.id, { useMaster: true });
      if (!stored) return refuse('账号不存在', 404);
      if (!(await verifyPassword(stored.passwordHash, current))) {
        session.wrongCurrentPasswords = (session.wrongCurrentPasswords ?? 0) + 1;
        if (session.wrongCurrentPasswords >= WRONG_CURRENT_PASSWORD_LIMIT) {
          await new Promise<void>((resolve) => req.session.destroy(() => resolve()));
          return refuse(`当前密码已连续输错 ${WRONG_CURRENT_PASSWORD_LIMIT} 次，为保护账号已退出登录，请重新登录`, 401);
        }
        return refuse(`当前密码不正确（还可再试 ${WRONG_CURRENT_PASSWORD_LIMIT - session.wrongCurrentPasswords} 次）`);
      }
      const refusal = await passwordRefusal(chosen, { username: stored.username, id: stored.id }, policy);
      if (refusal) return refuse(refusal);
      const setBefore = stored.passwordChangedAt?.toISOString() ?? null;
      await SupervisorUser.sequelize!.transaction(async (transaction) => {
        await stored.update(await newPasswordFields(chosen, null), { transaction });
        await recordAudit(
          {
            user,
            action: 'passwordChanged',
            resourceId: 'SupervisorUser',
            recordId: stored.id,
            regionCode: stored.regionCode,
            changes: { passwordChangedAt: { before: setBefore, after: stored.passwordChangedAt?.toISOString() ?? null } },
            reason: user.passwordChange ? `本人修改（${PASSWORD_CHANGE_REASONS[user.passwordChange]}）` : '本人修改',
          },
          transaction,
        );
      });
      // Every session of the user ended with the change, this one too: it goes on under a new id and the new rights.
      await renewSession(req);
      // Its row is written anew, as at a login: the store writes back no other session whose row has gone.
      store.admitLogin(req, req.ip ?? 'unknown');
      (req.session as Session).adminUser = { ...user, rightsVersion: stored.rightsVersion, passwordChange: null };
      // Stored before the answer: a browser follows the redirect as soon as it has the headers.
      await new Promise<void>((resolve, reject) => req.session.save((error) => (error ? reject(error) : resolve())));
      if (wantsJson(req)) res.json({ ok: true, message: '密码已修改' });
      else res.redirect(303, '/admin');
    } catch (error) {
      next(error);
    }
  });
}
