import React, { useEffect, useState } from 'react';
import { ApiClient, useTranslation, type ActionProps } from 'adminjs';
import { Box, Button, Link, MessageBox, Text } from '@adminjs/design-system';
import { useLocation } from 'react-router';
import { BACKGROUND_REQUEST_HEADER } from '../../domain/session-limits.js';

type Status = { state: string; done: number; total: number | null; downloadUrl: string | null; error: string | null };

/** Starts an export of the list as it is filtered and sorted, follows it (N / M rows), then offers the file. */
const ExportXlsx: React.FC<ActionProps> = ({ resource, action }) => {
  const { translateLabel } = useTranslation();
  const location = useLocation();
  const [statusUrl, setStatusUrl] = useState<string | null>(null);
  const [status, setStatus] = useState<Status | null>(null);
  const [failure, setFailure] = useState<string | null>(null);

  useEffect(() => {
    if (!statusUrl) return undefined;
    let stopped = false;
    const poll = async () => {
      // A poll, not the user's activity: it must not keep the session from its idle end.
      const response = await fetch(statusUrl, { credentials: 'same-origin', headers: { [BACKGROUND_REQUEST_HEADER]: '1' } });
      const next = (await response.json()) as Status;
      if (stopped) return;
      setStatus(next);
      if (next.state === 'queued' || next.state === 'running') setTimeout(poll, 1000);
    };
    void poll();
    return () => {
      stopped = true;
    };
  }, [statusUrl]);

  const start = async () => {
    setFailure(null);
    try {
      const response = await new ApiClient().resourceAction({
        resourceId: resource.id,
        actionName: action.name,
        method: 'post',
        data: { query: location.search },
      });
      setStatusUrl((response.data as { statusUrl: string }).statusUrl);
    } catch {
      setFailure(translateLabel('submitFailed'));
    }
  };

  return (
    <Box variant="white" data-testid="export-xlsx">
      <Text mb="lg">{translateLabel('exportIntro')}</Text>
      {!statusUrl && (
        <Button variant="contained" onClick={start} data-testid="export-start">
          {translateLabel('exportStart')}
        </Button>
      )}
      {failure && <MessageBox mt="lg" variant="danger" message={failure} />}
      {status && (
        <Box mt="lg" data-testid="export-status">
          <Text>{translateLabel('exportProgress', resource.id, { done: status.done, total: status.total ?? '…' })}</Text>
          {status.state === 'failed' && <MessageBox mt="lg" variant="danger" message={status.error ?? translateLabel('exportFailed')} />}
          {status.downloadUrl && (
            <Link href={status.downloadUrl} data-testid="export-download">
              {translateLabel('exportDownload')}
            </Link>
          )}
        </Box>
      )}
    </Box>
  );
};

export default ExportXlsx;
