import React from 'react';
import { useTranslation, type ShowPropertyProps } from 'adminjs';
import { Box, Table, TableBody, TableCell, TableHead, TableRow, Text } from '@adminjs/design-system';
import { chinaTime } from '../../domain/dates.js';
import { describeChanges } from './change-words.js';

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
  const words = useTranslation();
  const { translateLabel, translateAction } = words;
  const raw = record.params.history as string | undefined;
  const entries: Entry[] = raw ? JSON.parse(raw) : [];
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
                <TableCell>{chinaTime(e.at)}</TableCell>
                <TableCell>{e.user}</TableCell>
                <TableCell>{translateAction(e.action, resource.id)}</TableCell>
                <TableCell>{describeChanges(words, resource.id, e.changes)}</TableCell>
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
