import React, { useEffect, useState } from 'react';
import { ApiClient, useNotice, useTranslation, type ActionProps } from 'adminjs';
import { Box, Button, MessageBox, Table, TableBody, TableCell, TableRow, Text } from '@adminjs/design-system';
import { useNavigate } from 'react-router';
import ReasonField, { reasonTooLong } from './reason-field.js';

type Detail = { label: string; value: string; tone?: 'ok' | 'warn' | 'error' };
type Inspection = {
  details: Detail[];
  refusal: string | null;
  reason: 'required' | 'optional' | 'none';
  reasonMax: number;
  reasonLabel?: string;
};

/** One form for every supervisory decision: the facts that decide it, a reason box, one button. */
const SupervisoryActionForm: React.FC<ActionProps> = ({ record, resource, action }) => {
  const [inspection, setInspection] = useState<Inspection | null>(null);
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const addNotice = useNotice();
  const navigate = useNavigate();
  const { translateAction, translateLabel } = useTranslation();
  const api = new ApiClient();
  // ActionJSON.label is the bare action name ("approve"); the Chinese label lives in the locale's actions.
  const actionLabel = translateAction(action.name, resource.id);

  useEffect(() => {
    api
      .recordAction({ resourceId: resource.id, recordId: record!.id, actionName: action.name })
      .then((response) => setInspection(response.data as unknown as Inspection))
      .catch(() => setLoadError(translateLabel('loadFailed')));
  }, [record?.id]);

  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    setError(null);
    const tooLong = inspection && inspection.reason !== 'none' ? reasonTooLong(reason, inspection.reasonMax, translateLabel) : null;
    if (tooLong) {
      setError(tooLong);
      return;
    }
    setBusy(true);
    let response;
    try {
      response = await api.recordAction({
        resourceId: resource.id,
        recordId: record!.id,
        actionName: action.name,
        data: { reason },
        method: 'post',
      });
    } catch {
      setBusy(false);
      setError(translateLabel('submitFailed'));
      return;
    }
    setBusy(false);
    const { notice, redirectUrl } = response.data as { notice?: { message: string; type: 'success' | 'error' }; redirectUrl?: string };
    // A refusal stays beside the form it belongs to, not in a notice that would still be on screen after a success.
    if (notice?.type === 'error') setError(notice.message);
    else {
      if (notice) addNotice(notice);
      if (redirectUrl) navigate(redirectUrl.replace(/^.*?\/admin/, '/admin'));
    }
  };

  if (loadError)
    return (
      <Box variant="white">
        <MessageBox variant="danger" message={loadError} data-testid="action-error" />
      </Box>
    );
  if (!inspection)
    return (
      <Box variant="white">
        <Text>{translateLabel('loading')}</Text>
      </Box>
    );
  return (
    <Box as="form" variant="white" onSubmit={submit} data-testid="supervisory-action-form">
      {inspection.details.length > 0 && (
        <Table mb="lg">
          <TableBody>
            {inspection.details.map((d) => (
              <TableRow key={d.label}>
                <TableCell width="30%">
                  <Text fontWeight="bold">{d.label}</Text>
                </TableCell>
                <TableCell>
                  <Text color={d.tone === 'error' ? 'error' : d.tone === 'ok' ? 'success' : undefined} data-testid={`detail-${d.label}`}>
                    {d.value}
                  </Text>
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
      {error && error !== inspection.refusal && <MessageBox mb="lg" variant="danger" message={error} data-testid="action-error" />}
      {inspection.reason !== 'none' && (
        <ReasonField
          mode={inspection.reason}
          max={inspection.reasonMax}
          label={inspection.reasonLabel}
          value={reason}
          onChange={setReason}
        />
      )}
      {/* What the server already knows it would refuse: the button cannot be pressed, and the reason stands beside it. */}
      <Box flex alignItems="center" style={{ gap: 16 }}>
        <Button
          type="submit"
          variant={action.variant === 'danger' ? 'danger' : 'contained'}
          disabled={busy || !!inspection.refusal}
          data-testid="action-submit"
        >
          {actionLabel}
        </Button>
        {inspection.refusal && <MessageBox variant="danger" message={inspection.refusal} data-testid="refusal" style={{ flex: 1 }} />}
      </Box>
    </Box>
  );
};

export default SupervisoryActionForm;
