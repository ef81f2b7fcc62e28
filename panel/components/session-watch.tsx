import React, { useEffect, useRef, useState } from 'react';
import { Box, Button, H5, Text } from '@adminjs/design-system';
import { useTranslation } from 'adminjs';
import {
  BACKGROUND_REQUEST_HEADER,
  SESSION_ENDED_COOKIE,
  SESSION_STATUS_PATH,
  sessionEndedValue,
  type SessionStatus,
} from '../../domain/session-limits.js';

const LOGIN_PATH = '/admin/login';
/** While the warning is up, the session is asked again this often: the user may have gone on working in another tab. */
const RECHECK_WHILE_WARNING_MS = 10_000;
/** When the session cannot be asked (the network away), asked again after this. */
const RETRY_MS = 30_000;

// AdminJS's API client meets the login page (a request of an ended session) with an English alert() before it goes
// there; the login page says why in Chinese, so that one sentence is not shown.
const ADMINJS_SESSION_ALERT = 'Your session expired. You will be redirected to login screen';
if (typeof window !== 'undefined') {
  const nativeAlert = window.alert.bind(window);
  window.alert = (message?: unknown): void => {
    if (message !== ADMINJS_SESSION_ALERT) nativeAlert(message);
  };
}

const ask = (path: string, init: RequestInit = {}) =>
  fetch(path, { credentials: 'same-origin', ...init, headers: { accept: 'application/json', ...init.headers } });

/**
 * The panel's side of the session time limits (the server enforces them, http/session-limits.ts): it asks the server
 * how long is left (a background read, which does not count as activity), warns before the idle end with 继续使用
 * and 退出, and once the session has ended goes to the login page, which says why.
 */
const SessionWatch: React.FC<{ logoutPath: string }> = ({ logoutPath }) => {
  const { translateLabel } = useTranslation();
  /** When the idle end comes, while the warning is up. */
  const [deadline, setDeadline] = useState<number | null>(null);
  const [now, setNow] = useState(() => Date.now());
  const timer = useRef<number | undefined>(undefined);
  /** The ends last known, to tell the login page why should the server no longer know the session (swept). */
  const known = useRef<{ idleAt: number; absoluteAt: number; maxHours: number } | null>(null);

  const later = (ms: number, then: () => void) => {
    window.clearTimeout(timer.current);
    timer.current = window.setTimeout(then, Math.max(250, ms));
  };

  const signedOut = (serverSaid: boolean) => {
    const last = known.current;
    if (!serverSaid && last) {
      const at = Date.now();
      const ended = at >= last.absoluteAt ? sessionEndedValue('absolute', last.maxHours) : at >= last.idleAt ? 'idle' : null;
      if (ended) document.cookie = `${SESSION_ENDED_COOKIE}=${encodeURIComponent(ended)}; path=${LOGIN_PATH}; max-age=600; samesite=lax`;
    }
    window.location.assign(LOGIN_PATH);
  };

  const follow = (status: SessionStatus) => {
    const at = Date.now();
    known.current = { idleAt: at + status.idleLeftMs, absoluteAt: at + status.absoluteLeftMs, maxHours: status.maxHours };
    if (status.absoluteLeftMs <= status.idleLeftMs) {
      // The absolute end comes first: 继续使用 could not put it off, so there is nothing to offer.
      setDeadline(null);
      later(status.absoluteLeftMs + 500, check);
    } else if (status.idleLeftMs <= status.warningMs) {
      setDeadline(at + status.idleLeftMs);
      later(Math.min(status.idleLeftMs + 500, RECHECK_WHILE_WARNING_MS), check);
    } else {
      setDeadline(null);
      later(status.idleLeftMs - status.warningMs, check);
    }
  };

  const answered = async (response: Response) => {
    if (response.status === 401) {
      const { ended } = (await response.json().catch(() => ({}))) as { ended?: string | null };
      return signedOut(!!ended);
    }
    if (!response.ok) return later(RETRY_MS, check);
    follow((await response.json()) as SessionStatus);
  };

  async function check(): Promise<void> {
    try {
      await answered(await ask(SESSION_STATUS_PATH, { headers: { [BACKGROUND_REQUEST_HEADER]: '1' } }));
    } catch {
      later(RETRY_MS, check);
    }
  }

  const keepWorking = async () => {
    try {
      await answered(await ask(`${SESSION_STATUS_PATH}/renew`, { method: 'POST' }));
    } catch {
      later(RETRY_MS, check);
    }
  };

  useEffect(() => {
    void check();
    // A tab in the background, or a computer that slept, runs its timers late: ask again on coming back.
    const onVisible = () => {
      if (document.visibilityState === 'visible') void check();
    };
    document.addEventListener('visibilitychange', onVisible);
    return () => {
      document.removeEventListener('visibilitychange', onVisible);
      window.clearTimeout(timer.current);
    };
  }, []);

  useEffect(() => {
    if (deadline === null) return undefined;
    const tick = window.setInterval(() => setNow(Date.now()), 1000);
    setNow(Date.now());
    return () => window.clearInterval(tick);
  }, [deadline]);

  if (deadline === null) return null;
  const seconds = Math.max(0, Math.ceil((deadline - now) / 1000));
  return (
    <Box
      data-testid="session-warning"
      role="alertdialog"
      aria-labelledby="session-warning-title"
      style={{
        position: 'fixed',
        inset: 0,
        zIndex: 2000,
        background: 'rgba(28, 28, 56, 0.45)',
        display: 'flex',
        alignItems: 'center',
        justifyContent: 'center',
      }}
    >
      <Box bg="white" p="xl" style={{ maxWidth: 460, borderRadius: 8, boxShadow: '0 8px 32px rgba(0,0,0,0.25)' }}>
        <H5 id="session-warning-title" mb="lg">
          {translateLabel('sessionWarningTitle')}
        </H5>
        <Text mb="xl" data-testid="session-warning-text">
          {translateLabel('sessionWarning', undefined, { seconds })}
        </Text>
        <Box flex style={{ gap: 12, justifyContent: 'flex-end' }}>
          <Button variant="outlined" onClick={() => window.location.assign(logoutPath)} data-testid="session-logout">
            {translateLabel('sessionLogout')}
          </Button>
          <Button variant="contained" onClick={() => void keepWorking()} data-testid="session-continue">
            {translateLabel('sessionContinue')}
          </Button>
        </Box>
      </Box>
    </Box>
  );
};

export default SessionWatch;
