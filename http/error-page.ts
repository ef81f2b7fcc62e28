import type { Request, Response } from 'express';
import { requestIdOf } from './request-log.js';
import { PRODUCT_NAME } from '../panel/admin.js';

/** A way out of an error page: where it goes and what it says. */
export interface ErrorPageLink {
  href: string;
  label: string;
}

export interface ErrorPage {
  status: number;
  title: string;
  message: string;
  links?: ErrorPageLink[];
  /** Seconds after which the page loads itself again (for a state that passes, such as the database being away). */
  refreshSeconds?: number;
  note?: string;
}

/** The panel's home: 工作台. Every error page offers it, since the user is most often signed in when they meet one. */
export const WORKBENCH_LINK: ErrorPageLink = { href: '/admin', label: '返回工作台' };

// panel/public/emblem.svg, inline: the page must not depend on another request.
const EMBLEM =
  '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 44 48" aria-hidden="true"><rect x="2" y="4" width="40" height="40" rx="8" fill="#b8272c"/><path d="M12 30 L22 14 L32 30 Z" fill="#fff"/><rect x="14" y="31" width="16" height="4" fill="#fff"/></svg>';

const escape = (text: string) =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/**
 * One page for every error the server answers itself (403, 404, 500, 503): Chinese, our emblem inline and nothing
 * loaded, so it shows even when every other request (static files included) would fail; the request id is the one the log line
 * and `X-Request-Id` carry, so a user can quote it to the administrator.
 */
export function renderErrorPage(req: Request, page: ErrorPage): string {
  const requestId = requestIdOf(req);
  const links = page.links ?? [WORKBENCH_LINK];
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8">${
    page.refreshSeconds ? `<meta http-equiv="refresh" content="${page.refreshSeconds}">` : ''
  }
<title>${escape(page.title)} - ${PRODUCT_NAME}</title><style>body{font-family:"PingFang SC","Hiragino Sans GB","Microsoft YaHei","Noto Sans CJK SC",sans-serif;margin:15vh auto;max-width:36em;padding:0 1em;color:#1c1c38}h1{font-size:1.3em}.status{color:#898a9a;font-size:.9em}a{color:#3040d6;margin-right:1.5em}svg{height:48px}</style></head>
<body data-testid="error-page" data-status="${page.status}">${EMBLEM}<p class="status">${PRODUCT_NAME}</p><h1>${escape(page.title)}</h1><p>${escape(page.message)}</p>${
    page.note ? `<p>${escape(page.note)}</p>` : ''
  }<p>${links.map((l) => `<a href="${escape(l.href)}">${escape(l.label)}</a>`).join('')}</p>${
    requestId ? `<p class="status" data-testid="request-id">请求编号 ${escape(requestId)}</p>` : ''
  }</body></html>`;
}

/** Sends the page to a browser, or the same words as JSON to a script or the panel's own API calls. */
export function answerError(req: Request, res: Response, page: ErrorPage & { code: string }, extra: Record<string, unknown> = {}): void {
  const requestId = requestIdOf(req);
  res.status(page.status);
  if (req.accepts(['json', 'html']) === 'html') {
    res.type('html').send(renderErrorPage(req, page));
    return;
  }
  res.json({ code: page.code, message: page.message, ...extra, ...(requestId && { requestId }) });
}

export const NOT_FOUND_PAGE = {
  status: 404,
  code: 'not_found',
  title: '页面不存在',
  message: '您访问的地址不存在，可能是链接有误或页面已移除。请从工作台或左侧菜单进入。',
} as const;

export const INTERNAL_ERROR_PAGE = {
  status: 500,
  code: 'internal_error',
  title: '服务器内部错误',
  message: '处理您的请求时出错，请稍后重试；如持续出现，请将下方的请求编号告知系统管理员。',
} as const;
