import React, { useEffect, useState } from 'react';
import { ApiClient, useNotice, useTranslation, type ActionProps } from 'adminjs';
import { Box, Button, MessageBox, Text } from '@adminjs/design-system';
import { useNavigate } from 'react-router';
import ReasonField, { reasonTooLong } from './reason-field.js';
import { BACKGROUND_REQUEST_HEADER } from '../../domain/session-limits.js';

/** The bulk variant: the chosen records by name, a reason, and a summary of what was done and what was refused. */
const SupervisoryBulkForm: React.FC<ActionProps> = ({ records, resource, action }) => {
  const [reason, setReason] = useState('');
  const [summary, setSummary] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const addNotice = useNotice();
  const navigate = useNavigate();
  const { translateAction, translateLabel } = useTranslation();
  const chosen = records ?? [];
  const custom = (action.custom ?? {}) as { reason?: 'required' | 'optional'; reasonMax?: number; reasonLabel?: string };
  const reasonMode = custom.reason ?? 'optional';
  const reasonMax = custom.reasonMax ?? 500;
  const [error, setError] = useState<string | null>(null);
  type Progress = { field: string; finished: string[]; failed: string[]; ids: string[] };
  const [progress, setProgress] = useState<Progress | null>(null);
  const [counts, setCounts] = useState<{ finished: number; failed: number } | null>(null);

  // Work finished by a job (a push) is followed here until every record has its outcome: N of M.
  useEffect(() => {
    if (!progress) return undefined;
    let stopped = false;
    const poll = async () => {
      const answer = await new ApiClient().bulkAction({
        resourceId: resource.id,
        recordIds: progress.ids,
        actionName: action.name,
        method: 'get',
        // A poll, not the user's activity: it must not keep the session from its idle end.
        headers: { [BACKGROUND_REQUEST_HEADER]: '1' },
      });
      const fresh = (answer.data as { records?: Array<{ params: Record<string, unknown> }> }).records ?? [];
      const values = fresh.map((r) => String(r.params[progress.field]));
      const next = {
        finished: values.filter((v) => progress.finished.includes(v)).length,
        failed: values.filter((v) => progress.failed.includes(v)).length,
      };
      if (stopped) return;
      setCounts(next);
      if (next.finished < progress.ids.length) setTimeout(poll, 1000);
    };
    void poll();
    return () => {
      stopped = true;
    };
  }, [progress]);

  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    setError(null);
    setSummary(null);
    const tooLong = reasonTooLong(reason, reasonMax, translateLabel);
    if (tooLong) {
      setError(tooLong);
      return;
    }
    setBusy(true);
    const response = await new ApiClient().bulkAction({
      resourceId: resource.id,
      recordIds: chosen.map((r) => r.id),
      actionName: action.name,
      data: { reason },
      method: 'post',
    });
    setBusy(false);
    const {
      notice,
      refused,
      progress: tracked,
    } = response.data as {
      notice?: { message: string; type: 'success' | 'error' };
      refused?: string[];
      progress?: Progress;
    };
    // A refusal of the whole request (no reason) stays beside the form; a summary is the outcome of the records.
    if (notice?.type === 'error' && !refused?.length) setError(notice.message);
    else if (notice) {
      addNotice(notice);
      setSummary(notice.message);
    }
    if (tracked) setProgress(tracked);
    else if (!refused?.length && notice?.type === 'success') navigate(`/admin/resources/${resource.id}`);
  };

  return (
    <Box as="form" variant="white" onSubmit={submit}>
      <Text mb="lg">
        {translateLabel('bulkChosen', resource.id, { count: chosen.length, titles: chosen.map((r) => r.title).join('、') })}
      </Text>
      {summary && <MessageBox mb="lg" variant="info" message={summary} data-testid="bulk-summary" />}
      {progress && counts && (
        <MessageBox
          mb="lg"
          variant={counts.failed ? 'danger' : 'success'}
          data-testid="bulk-progress"
          message={translateLabel('bulkProgress', resource.id, {
            finished: counts.finished,
            total: progress.ids.length,
            failed: counts.failed,
          })}
        />
      )}
      {error && <MessageBox mb="lg" variant="danger" message={error} data-testid="action-error" />}
      <ReasonField mode={reasonMode} max={reasonMax} label={custom.reasonLabel} value={reason} rows={3} onChange={setReason} />
      <Button type="submit" variant="contained" disabled={busy || chosen.length === 0}>
        {translateAction(action.name, resource.id, { defaultValue: translateAction(action.name.replace(/Bulk$/, ''), resource.id) })}
      </Button>
    </Box>
  );
};

export default SupervisoryBulkForm;
