import React, { useState } from 'react';
import { ApiClient, useTranslation, type ActionProps } from 'adminjs';
import { Box, Button, MessageBox, Table, TableBody, TableCell, TableHead, TableRow, Text } from '@adminjs/design-system';

type Found = { kind: string; description: string };
type Outcome = {
  summary: string;
  intact: boolean;
  kindNames: Record<string, string>;
  breaks: Found[];
  breakCount: number;
  head: { lastSeq: number; prunedThrough: number } | null;
  checkedAt: string;
  tookMs: number;
};

/** The audit administrator's check of the audit trail's chain: every break named, with its kind. */
const AuditChainCheck: React.FC<ActionProps> = ({ resource, action }) => {
  const { translateLabel } = useTranslation();
  const [running, setRunning] = useState(false);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [failure, setFailure] = useState<string | null>(null);

  const start = async () => {
    setRunning(true);
    setFailure(null);
    try {
      const response = await new ApiClient().resourceAction({ resourceId: resource.id, actionName: action.name, method: 'post', data: {} });
      setOutcome(response.data as Outcome);
    } catch {
      setFailure(translateLabel('submitFailed'));
    } finally {
      setRunning(false);
    }
  };

  return (
    <Box variant="white" data-testid="audit-chain-check">
      <Text mb="lg">{translateLabel('auditCheckIntro')}</Text>
      <Button variant="contained" onClick={start} disabled={running} data-testid="audit-check-start">
        {translateLabel(running ? 'auditCheckRunning' : 'auditCheckStart')}
      </Button>
      {failure && <MessageBox mt="lg" variant="danger" message={failure} />}
      {outcome && (
        <Box mt="lg" data-testid="audit-check-outcome">
          <MessageBox variant={outcome.intact ? 'success' : 'danger'} message={outcome.summary} />
          {outcome.head && <Text mt="default">{translateLabel('auditCheckHead', undefined, outcome.head)}</Text>}
          <Text mt="default" color="grey60">
            {translateLabel('auditCheckTook', undefined, {
              at: new Date(outcome.checkedAt).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false }),
              seconds: (outcome.tookMs / 1000).toFixed(1),
            })}
          </Text>
          {outcome.breaks.length > 0 && (
            <Table mt="lg" data-testid="audit-check-breaks">
              <TableHead>
                <TableRow>
                  <TableCell>{translateLabel('auditCheckKind')}</TableCell>
                  <TableCell>{translateLabel('auditCheckWhat')}</TableCell>
                </TableRow>
              </TableHead>
              <TableBody>
                {outcome.breaks.map((found, index) => (
                  <TableRow key={index}>
                    <TableCell>{outcome.kindNames[found.kind] ?? found.kind}</TableCell>
                    <TableCell>{found.description}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          )}
          {outcome.breakCount > outcome.breaks.length && (
            <Text mt="default">{translateLabel('auditCheckMore', undefined, { count: outcome.breakCount - outcome.breaks.length })}</Text>
          )}
        </Box>
      )}
    </Box>
  );
};

export default AuditChainCheck;
