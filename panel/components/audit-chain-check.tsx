import React, { useEffect, useRef, useState } from 'react';
import { ApiClient, useTranslation, type ActionProps } from 'adminjs';
import { Box, Button, MessageBox, Table, TableBody, TableCell, TableHead, TableRow, Text } from '@adminjs/design-system';
import { BACKGROUND_REQUEST_HEADER } from '../../domain/session-limits.js';

type Found = { kind: string; description: string };
type Result =
  | {
      summary: string;
      intact: boolean;
      breaks: Found[];
      breakCount: number;
      head: { lastSeq: number; prunedThrough: number } | null;
      tookMs: number;
    }
  | { error: string };
/** A check as services/audit-verifications.ts `checkView` gives it. */
type Check = {
  id: string;
  state: 'queued' | 'running' | 'done' | 'failed';
  askedBy: string | null;
  checkedRows: number;
  totalRows: number | null;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
  result: Result | null;
};

const under = (check: Check | null) => check !== null && (check.state === 'queued' || check.state === 'running');
const chinaTime = (at: string) => new Date(at).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false });
const POLL_MS = 1000;

/**
 * The audit administrator's check of the audit trail's chain. The check runs as a job: the page shows the last one
 * (theirs, a colleague's or the nightly one), starts one, follows it (N / M rows) and shows every break it found.
 */
const AuditChainCheck: React.FC<ActionProps> = ({ resource, action }) => {
  const { translateLabel } = useTranslation();
  const [kindNames, setKindNames] = useState<Record<string, string>>({});
  const [last, setLast] = useState<Check | null>(null);
  const [current, setCurrent] = useState<Check | null>(null);
  const [loaded, setLoaded] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  // The check polled now: state for the page, a ref for the poll that outlives a render (and stops when it changes).
  const [followed, setFollowed] = useState<string | null>(null);
  const following = useRef<string | null>(null);

  const ask = (verificationId?: string) =>
    new ApiClient().resourceAction({
      resourceId: resource.id,
      actionName: action.name,
      method: 'get',
      ...(verificationId && {
        params: { verificationId },
        // A poll, not the user's activity: it must not keep the session from its idle end.
        headers: { [BACKGROUND_REQUEST_HEADER]: '1' },
      }),
    });

  /** Polls one check every second until it has finished; the page shows it meanwhile. */
  const follow = (id: string) => {
    following.current = id;
    setFollowed(id);
    const poll = async () => {
      try {
        const response = await ask(id);
        if (following.current !== id) return;
        const data = response.data as { verification: Check | null; kindNames?: Record<string, string> };
        if (data.kindNames) setKindNames(data.kindNames);
        setCurrent(data.verification);
        if (under(data.verification)) setTimeout(poll, POLL_MS);
        else {
          following.current = null;
          setFollowed(null);
        }
      } catch {
        if (following.current === id) setTimeout(poll, POLL_MS);
      }
    };
    void poll();
  };

  useEffect(() => {
    (async () => {
      try {
        const data = (await ask()).data as { last: Check | null; running: Check | null; kindNames?: Record<string, string> };
        setKindNames(data.kindNames ?? {});
        setLast(data.last);
        if (data.running) {
          setCurrent(data.running);
          follow(data.running.id);
        }
      } catch {
        setFailure(translateLabel('submitFailed'));
      } finally {
        setLoaded(true);
      }
    })();
    return () => {
      following.current = null;
    };
  }, []);

  const start = async () => {
    setFailure(null);
    try {
      const response = await new ApiClient().resourceAction({ resourceId: resource.id, actionName: action.name, method: 'post', data: {} });
      const { verificationId } = response.data as { verificationId?: string };
      if (!verificationId) throw new Error('no check');
      if (current && !under(current)) setLast(current);
      setCurrent(null);
      follow(verificationId);
    } catch {
      setFailure(translateLabel('submitFailed'));
    }
  };

  const running = followed !== null;
  // The check just followed to its end, or else the last one finished before the page was opened.
  const shown = current && !under(current) ? current : last;

  return (
    <Box variant="white" data-testid="audit-chain-check">
      <Text mb="lg">{translateLabel('auditCheckIntro')}</Text>
      <Button variant="contained" onClick={start} disabled={!loaded || running} data-testid="audit-check-start">
        {translateLabel(running ? 'auditCheckRunning' : 'auditCheckStart')}
      </Button>
      {failure && <MessageBox mt="lg" variant="danger" message={failure} />}
      {running && (
        <Box mt="lg" data-testid="audit-check-progress">
          <Text>
            {current?.state === 'running'
              ? translateLabel('auditCheckProgress', undefined, { checked: current.checkedRows, total: current.totalRows ?? '…' })
              : translateLabel('auditCheckQueued')}
          </Text>
          <progress
            max={current?.totalRows || 1}
            value={current?.state === 'running' && current.totalRows ? current.checkedRows : 0}
            style={{ width: '100%', height: 12, marginTop: 8 }}
          />
        </Box>
      )}
      {loaded && !running && !shown && !failure && <Text mt="lg">{translateLabel('auditCheckNone')}</Text>}
      {shown && <CheckOutcome check={shown} kindNames={kindNames} />}
    </Box>
  );
};

/** A finished check: when and by whom, what it found, every break with its kind. */
const CheckOutcome: React.FC<{ check: Check; kindNames: Record<string, string> }> = ({ check, kindNames }) => {
  const { translateLabel } = useTranslation();
  const result = check.result;
  const by =
    check.askedBy === null ? translateLabel('auditCheckBySystem') : translateLabel('auditCheckBy', undefined, { username: check.askedBy });
  return (
    <Box mt="lg" data-testid="audit-check-outcome">
      <Text mb="default" data-testid="audit-check-last">
        {translateLabel('auditCheckLast', undefined, { at: chinaTime(check.finishedAt ?? check.createdAt), by })}
      </Text>
      {!result || 'error' in result ? (
        <MessageBox variant="danger" message={result?.error ?? translateLabel('auditCheckFailed')} />
      ) : (
        <>
          <MessageBox variant={result.intact ? 'success' : 'danger'} message={result.summary} />
          {result.head && <Text mt="default">{translateLabel('auditCheckHead', undefined, result.head)}</Text>}
          <Text mt="default" color="grey60">
            {translateLabel('auditCheckTook', undefined, {
              at: chinaTime(check.startedAt ?? check.createdAt),
              seconds: (result.tookMs / 1000).toFixed(1),
            })}
          </Text>
          {result.breaks.length > 0 && (
            <Table mt="lg" data-testid="audit-check-breaks">
              <TableHead>
                <TableRow>
                  <TableCell>{translateLabel('auditCheckKind')}</TableCell>
                  <TableCell>{translateLabel('auditCheckWhat')}</TableCell>
                </TableRow>
              </TableHead>
              <TableBody>
                {result.breaks.map((found, index) => (
                  <TableRow key={index}>
                    <TableCell>{kindNames[found.kind] ?? found.kind}</TableCell>
                    <TableCell>{found.description}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          )}
          {result.breakCount > result.breaks.length && (
            <Text mt="default">{translateLabel('auditCheckMore', undefined, { count: result.breakCount - result.breaks.length })}</Text>
          )}
        </>
      )}
    </Box>
  );
};

export default AuditChainCheck;
