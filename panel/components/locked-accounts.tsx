import React, { useEffect, useState } from 'react';
import { ApiClient, useNotice, useTranslation, type ActionProps } from 'adminjs';
import { Box, Button, MessageBox, Table, TableBody, TableCell, TableHead, TableRow, Text } from '@adminjs/design-system';
import { chinaTime } from '../../domain/dates.js';

type Lane = {
  username: string;
  displayName: string | null;
  trustedDevice: boolean;
  failures: number;
  lastFailureAt: string;
  lastFailureIp: string;
  waitSeconds: number;
};
type Answer = {
  lanes: Lane[];
  limits: { maxFailures: number; windowMinutes: number };
  notice?: { message: string; type: 'success' | 'error' };
};

/**
 * 受限账号: the lanes at the failure limit (resources/system/locked-accounts-action.ts) and, per account, 解除限制,
 * which asks the server again and shows what it says.
 */
const LockedAccounts: React.FC<ActionProps> = ({ resource, action }) => {
  const { translateLabel } = useTranslation();
  const addNotice = useNotice();
  const [answer, setAnswer] = useState<Answer | null>(null);
  const [failed, setFailed] = useState(false);

  const ask = async (username?: string) => {
    try {
      const response = await new ApiClient().resourceAction({
        resourceId: resource.id,
        actionName: action.name,
        ...(username ? { method: 'post' as const, data: { username } } : {}),
      });
      const data = response.data as unknown as Answer;
      if (data.notice) addNotice(data.notice);
      setAnswer(data);
      setFailed(false);
    } catch {
      setFailed(true);
    }
  };

  useEffect(() => {
    void ask();
  }, []);

  if (failed) return <MessageBox variant="danger" message={translateLabel('loadFailed')} />;
  if (!answer) return <Text>{translateLabel('loading')}</Text>;
  return (
    <Box variant="white" data-testid="locked-accounts">
      <Text mb="lg">
        {translateLabel('lockedIntro', resource.id, { max: answer.limits.maxFailures, minutes: answer.limits.windowMinutes })}
      </Text>
      {!answer.lanes.length ? (
        <Text data-testid="locked-none">{translateLabel('lockedNone')}</Text>
      ) : (
        <Table>
          <TableHead>
            <TableRow>
              <TableCell>{translateLabel('lockedAccount')}</TableCell>
              <TableCell>{translateLabel('lockedLane')}</TableCell>
              <TableCell>{translateLabel('lockedFailures')}</TableCell>
              <TableCell>{translateLabel('lockedLast')}</TableCell>
              <TableCell>{translateLabel('lockedState')}</TableCell>
              <TableCell />
            </TableRow>
          </TableHead>
          <TableBody>
            {answer.lanes.map((lane) => (
              <TableRow
                key={`${lane.username}/${lane.trustedDevice}/${lane.lastFailureAt}`}
                data-testid="locked-lane"
                data-username={lane.username}
              >
                <TableCell>
                  {lane.username}
                  <Text color="grey60">{lane.displayName ?? translateLabel('lockedNoAccount')}</Text>
                </TableCell>
                <TableCell>{translateLabel(lane.trustedDevice ? 'lockedTrusted' : 'lockedUntrusted')}</TableCell>
                <TableCell>{lane.failures}</TableCell>
                <TableCell>
                  {chinaTime(lane.lastFailureAt)}
                  <Text color="grey60">{lane.lastFailureIp}</Text>
                </TableCell>
                <TableCell>
                  {lane.waitSeconds
                    ? translateLabel('lockedWaiting', resource.id, { seconds: lane.waitSeconds })
                    : translateLabel('lockedAtLimit')}
                </TableCell>
                <TableCell>
                  <Button size="sm" variant="outlined" onClick={() => ask(lane.username)} data-testid="unlock">
                    {translateLabel('lockedUnlock')}
                  </Button>
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </Box>
  );
};

export default LockedAccounts;
