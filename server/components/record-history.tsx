import React from 'react';
import type { ShowPropertyProps } from 'adminjs';
import { Box, Label, Table, TableBody, TableCell, TableHead, TableRow, Text } from '@adminjs/design-system';

type Entry = { at: string; user: string; role: string; action: string; reason: string | null; changes: Record<string, { before: unknown; after: unknown }> | null };

const ACTION_LABELS: Record<string, string> = {
  new: '新建', edit: '修改', delete: '删除', approve: '审核通过', reject: '退回', unbindAffiliation: '解除隶属关系',
};

/** The record's own history, newest first: who, when, what changed and why. */
const RecordHistory: React.FC<ShowPropertyProps> = ({ record }) => {
  const raw = record.params.history as string | undefined;
  const entries: Entry[] = raw ? JSON.parse(raw) : [];
  return (
    <Box mb="xl" data-testid="record-history">
      <Label>操作历史</Label>
      {entries.length === 0 ? <Text>暂无操作记录</Text> : (
        <Table>
          <TableHead>
            <TableRow>
              <TableCell>时间</TableCell><TableCell>操作人</TableCell><TableCell>操作</TableCell>
              <TableCell>变更</TableCell><TableCell>原因</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {entries.map((e, i) => (
              <TableRow key={i}>
                <TableCell>{new Date(e.at).toLocaleString('zh-CN')}</TableCell>
                <TableCell>{e.user}</TableCell>
                <TableCell>{ACTION_LABELS[e.action] ?? e.action}</TableCell>
                <TableCell>{e.changes ? Object.entries(e.changes).map(([k, v]) => `${k}: ${String(v.before ?? '')} → ${String(v.after ?? '')}`).join('；') : ''}</TableCell>
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
