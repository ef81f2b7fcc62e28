import React from 'react';
import { useTranslation, type ShowPropertyProps } from 'adminjs';
import { Box, Table, TableBody, TableCell, TableHead, TableRow, Text } from '@adminjs/design-system';

type Entry = {
  at: string;
  user: string;
  role: string;
  action: string;
  reason: string | null;
  changes: Record<string, { before: unknown; after: unknown }> | null;
};

/** The record's own history, newest first: who, when, what changed and why. */
const RecordHistory: React.FC<ShowPropertyProps> = ({ record, resource }) => {
  const { translateLabel, translateAction, translateProperty } = useTranslation();
  const raw = record.params.history as string | undefined;
  const entries: Entry[] = raw ? JSON.parse(raw) : [];
  // Enum values read as the list shows them (已匹配, not matched); anything else as it was stored.
  const value = (key: string, v: unknown): string =>
    v === null || v === undefined || v === ''
      ? translateLabel('historyBlank')
      : translateLabel(`${key}.${String(v)}`, resource.id, { defaultValue: String(v) });
  return (
    // Headed 操作历史 by the record page's section (record-show.tsx).
    <Box mb="xl" data-testid="record-history">
      {entries.length === 0 ? (
        <Text>{translateLabel('historyEmpty')}</Text>
      ) : (
        <Table>
          <TableHead>
            <TableRow>
              {['historyAt', 'historyUser', 'historyAction', 'historyChanges', 'historyReason'].map((key) => (
                <TableCell key={key}>{translateLabel(key)}</TableCell>
              ))}
            </TableRow>
          </TableHead>
          <TableBody>
            {entries.map((e, i) => (
              <TableRow key={i}>
                <TableCell>{new Date(e.at).toLocaleString('zh-CN')}</TableCell>
                <TableCell>{e.user}</TableCell>
                <TableCell>{translateAction(e.action, resource.id)}</TableCell>
                <TableCell>
                  {e.changes
                    ? Object.entries(e.changes)
                        .map(([k, v]) => `${translateProperty(k, resource.id)}: ${value(k, v.before)} → ${value(k, v.after)}`)
                        .join('；')
                    : ''}
                </TableCell>
                <TableCell>{e.reason ?? ''}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </Box>
  );
};

export default RecordHistory;
