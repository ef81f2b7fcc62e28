import React, { useEffect, useState } from 'react';
import { ApiClient, useTranslation } from 'adminjs';
import { Box, H2, H5, Text, MessageBox } from '@adminjs/design-system';

type DashboardData = {
  user: { displayName: string; role: string; regionName: string } | null;
  queue: { driver: string; ok: boolean; detail: string; warning?: string };
};

const Dashboard: React.FC = () => {
  const [data, setData] = useState<DashboardData | null>(null);
  const { translateLabel } = useTranslation();
  useEffect(() => {
    new ApiClient().getDashboard().then((response) => setData(response.data as DashboardData));
  }, []);
  if (!data) return <Box variant="grey"><Text>{translateLabel('loading')}</Text></Box>;
  const queueLabel = translateLabel(data.queue.driver === 'bullmq' ? 'queueBullmq' : 'queueInline');
  return (
    <Box variant="grey" data-testid="dashboard">
      <Box variant="white" mb="lg">
        <H2>{translateLabel('dashboard')}</H2>
        {data.user && (
          <Text data-testid="greeting">
            {translateLabel('greeting', undefined, {
              name: data.user.displayName,
              role: translateLabel(`role.${data.user.role}`, 'SupervisorUser', { defaultValue: data.user.role }),
              region: data.user.regionName,
            })}
          </Text>
        )}
      </Box>
      {data.queue.warning && (
        <MessageBox mb="lg" variant="danger" message={data.queue.warning} data-testid="queue-warning" />
      )}
      <Box variant="white">
        <H5>{translateLabel('backgroundJobs')}</H5>
        <Text data-testid="queue-status">
          {queueLabel}{data.queue.detail && data.queue.detail !== queueLabel ? `：${data.queue.detail}` : ''}
        </Text>
      </Box>
    </Box>
  );
};

export default Dashboard;
