import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Request, Response } from 'express';

export const DEVICE_COOKIE = 'jxcg.device';
const DEVICE_DAYS = 180;

function mac(secret: string, username: string, device: string): string {
  return createHmac('sha256', secret).update(`trusted-device\n${username}\n${device}`).digest('base64url');
}

function cookieValue(req: Request, name: string): string | undefined {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const [key, ...value] = part.trim().split('=');
    if (key === name) return decodeURIComponent(value.join('='));
  }
  return undefined;
}

/**
 * The browser an account signed in from before, proven by a cookie only the server can make (OWASP's "device
 * cookies"): its failed logins are counted apart, so a guesser elsewhere never slows the owner at their own desk.
 */
export function trustedDeviceOf(req: Request, username: string, secret: string): string | null {
  const [owner, device, signature] = (cookieValue(req, DEVICE_COOKIE) ?? '').split('.');
  if (!owner || !device || !signature || owner !== Buffer.from(username).toString('base64url')) return null;
  const expected = Buffer.from(mac(secret, username, device));
  const given = Buffer.from(signature);
  return expected.length === given.length && timingSafeEqual(expected, given) ? device : null;
}

/** Marks this browser as the account's after a successful login (a new device id, unless it already is one). */
export function rememberDevice(req: Request, res: Response, username: string, secret: string, secure: boolean): void {
  if (trustedDeviceOf(req, username, secret)) return;
  const device = randomBytes(16).toString('hex');
  res.cookie(DEVICE_COOKIE, `${Buffer.from(username).toString('base64url')}.${device}.${mac(secret, username, device)}`, {
    httpOnly: true,
    sameSite: 'lax',
    secure,
    path: '/admin/login',
    maxAge: DEVICE_DAYS * 86_400_000,
  });
}
