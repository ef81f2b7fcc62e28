import React, { useEffect, useState } from 'react';
import { ApiClient, useTranslation } from 'adminjs';
import { Box, H2, H5, Text, MessageBox } from '@adminjs/design-system';

const ROLE_LABELS: Record<string, string> = {
  admin: '系统管理员', province: '省采购监管处', city: '市采购办', county: '县区采购办', gongguanban: '省公管办',
};

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
  if (!data) return <Box variant="grey"><Text>加载中…</Text></Box>;
  const queueLabel = data.queue.driver === 'bullmq' ? 'BullMQ 队列' : '进程内执行';
  return (
    <Box variant="grey" data-testid="dashboard">
      <Box variant="white" mb="lg">
        <H2>{translateLabel('dashboard')}</H2>
        {data.user && (
          <Text data-testid="greeting">
            您好，{data.user.displayName}（{ROLE_LABELS[data.user.role] ?? data.user.role}，{data.user.regionName}）。欢迎使用江西省政府采购监管平台。
          </Text>
        )}
      </Box>
      {data.queue.warning && (
        <MessageBox mb="lg" variant="danger" message={data.queue.warning} data-testid="queue-warning" />
      )}
      <Box variant="white">
        <H5>后台任务</H5>
        <Text data-testid="queue-status">
          {queueLabel}{data.queue.detail && data.queue.detail !== queueLabel ? `：${data.queue.detail}` : ''}
        </Text>
      </Box>
    </Box>
  );
};

export default Dashboard;
