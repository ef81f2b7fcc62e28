import React, { useEffect, useState } from 'react';
import { ApiClient, useTranslation } from 'adminjs';
import { Box, H2, H5, Link, MessageBox, Table, TableBody, TableCell, TableHead, TableRow, Text } from '@adminjs/design-system';
import {
  ArcElement,
  BarElement,
  CategoryScale,
  Chart as ChartJS,
  Legend,
  LinearScale,
  LineElement,
  PointElement,
  Tooltip,
  type Plugin,
} from 'chart.js';
import { Bar, Doughnut, Line } from 'react-chartjs-2';

ChartJS.register(ArcElement, BarElement, CategoryScale, Legend, LinearScale, LineElement, PointElement, Tooltip);

type Card = {
  key: string;
  label: string;
  count: number;
  overdue: number;
  href: string;
  watching: number;
  watchHref: string;
  hasDeadline: boolean;
};
type Charts = {
  pushesPerDay: Array<{ day: string; pushed: number; failed: number }>;
  moneyByRegion: Array<{ regionName: string; budget: number; contracted: number; paid: number }>;
  methodShare: Array<{ label: string; amount: number }>;
  flagsByRegion: Array<{ regionName: string; red: number; orange: number; yellow: number }>;
  unfoundedByRule?: Array<{ rule: string; label: string; concluded: number; unfounded: number; share: number }>;
};
type DashboardData = {
  user: { displayName: string; role: string; regionName: string; loginNotice: { text: string; warning: boolean } | null } | null;
  queue: { driver: string; ok: boolean; detail: string; warning?: string };
  pending: Card[];
  charts: Charts | null;
};

const PALETTE = ['#c8102e', '#3040d6', '#2f9e44', '#f08c00', '#7048e8', '#0c8599', '#e64980', '#868e96', '#5c940d', '#1864ab'];
/** The y axis's tick values on the canvas, so a browser test can read what the axis shows without Chart.js's globals. */
const TICKS_ON_CANVAS: Plugin<'line'> = {
  id: 'ticksOnCanvas',
  afterUpdate: (chart) => {
    chart.canvas.dataset.yTicks = (chart.scales.y?.ticks ?? []).map((tick) => tick.value).join(',');
  },
};

const FONT = { family: '"PingFang SC", "Hiragino Sans GB", "Microsoft YaHei", "Noto Sans CJK SC", sans-serif' };
const yuan = (n: number): string => `${(n / 10_000).toLocaleString('zh-CN', { maximumFractionDigits: 1 })} 万元`;

/** What the user may decide (the card's link) and, apart, what waits in their jurisdiction for another office. */
const PendingCard: React.FC<{ card: Card }> = ({ card }) => {
  const { translateLabel } = useTranslation();
  return (
    <Box
      variant="white"
      p="lg"
      mr="lg"
      mb="lg"
      width="220px"
      data-testid={`pending-${card.key}`}
      style={{ borderLeft: `4px solid ${card.overdue ? '#c8102e' : '#3040d6'}` }}
    >
      <a href={card.href} style={{ display: 'block', textDecoration: 'none' }} data-testid="pending-decide">
        <Text color="grey60">{card.label}</Text>
        <Text fontSize="h3" fontWeight="bold" data-testid="pending-count">
          {card.count}
        </Text>
        {card.hasDeadline && (
          <Text color={card.overdue ? 'error' : 'grey60'} data-testid="pending-overdue">
            {translateLabel('overdueCount', undefined, { count: card.overdue })}
          </Text>
        )}
      </a>
      {card.watching > 0 && (
        <Link href={card.watchHref} mt="sm" style={{ display: 'block' }} data-testid="pending-watching">
          {translateLabel('watchingCount', undefined, { count: card.watching })}
        </Link>
      )}
    </Box>
  );
};

/** 工作台: what waits for the user (each card opens the list, filtered), and how money moves in their region. */
const Dashboard: React.FC = () => {
  const [data, setData] = useState<DashboardData | null>(null);
  const { translateLabel } = useTranslation();
  useEffect(() => {
    new ApiClient().getDashboard().then((response) => setData(response.data as DashboardData));
  }, []);
  if (!data)
    return (
      <Box variant="grey">
        <Text>{translateLabel('loading')}</Text>
      </Box>
    );
  const queueLabel = translateLabel(data.queue.driver === 'bullmq' ? 'queueBullmq' : 'queueInline');
  const charts = data.charts;
  const options = {
    responsive: true,
    maintainAspectRatio: false,
    animation: false as const,
    plugins: { legend: { labels: { font: FONT } } },
  };
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
        {data.user?.loginNotice && (
          <Text mt="sm" color={data.user.loginNotice.warning ? 'error' : 'grey60'} data-testid="login-notice">
            {data.user.loginNotice.text}
          </Text>
        )}
      </Box>
      {data.queue.warning && <MessageBox mb="lg" variant="danger" message={data.queue.warning} data-testid="queue-warning" />}
      <H5 mb="lg">{translateLabel('pendingWork')}</H5>
      <Box flex flexWrap="wrap" data-testid="pending-cards">
        {data.pending.map((card) => (
          <PendingCard key={card.key} card={card} />
        ))}
      </Box>
      {charts && (
        <Box flex flexWrap="wrap" data-testid="charts">
          <Box variant="white" mr="lg" mb="lg" width={['100%', '100%', '48%']} style={{ height: 320 }} data-testid="chart-pushes">
            <H5>{translateLabel('chartPushes')}</H5>
            <Box style={{ height: 260 }}>
              <Line
                plugins={[TICKS_ON_CANVAS]}
                // Pushes are counted: the axis shows whole numbers, never 0.5 of a contract.
                options={{ ...options, scales: { y: { beginAtZero: true, ticks: { precision: 0 } } } }}
                data={{
                  labels: charts.pushesPerDay.map((d) => d.day.slice(5)),
                  datasets: [
                    {
                      label: translateLabel('chartPushed'),
                      data: charts.pushesPerDay.map((d) => d.pushed),
                      borderColor: '#2f9e44',
                      backgroundColor: '#2f9e44',
                    },
                    {
                      label: translateLabel('chartFailed'),
                      data: charts.pushesPerDay.map((d) => d.failed),
                      borderColor: '#c8102e',
                      backgroundColor: '#c8102e',
                    },
                  ],
                }}
              />
            </Box>
          </Box>
          <Box variant="white" mb="lg" width={['100%', '100%', '48%']} style={{ height: 320 }} data-testid="chart-methods">
            <H5>{translateLabel('chartMethods')}</H5>
            <Box style={{ height: 260 }}>
              <Doughnut
                options={{
                  ...options,
                  plugins: { ...options.plugins, tooltip: { callbacks: { label: (c) => `${c.label}：${yuan(Number(c.raw))}` } } },
                }}
                data={{
                  labels: charts.methodShare.map((m) => m.label),
                  datasets: [{ data: charts.methodShare.map((m) => m.amount), backgroundColor: PALETTE }],
                }}
              />
            </Box>
          </Box>
          <Box variant="white" mb="lg" width="100%" style={{ height: 360 }} data-testid="chart-money">
            <H5>{translateLabel('chartMoney')}</H5>
            <Box style={{ height: 300 }}>
              <Bar
                options={{ ...options, scales: { y: { ticks: { callback: (v) => yuan(Number(v)) } } } }}
                data={{
                  labels: charts.moneyByRegion.map((r) => r.regionName),
                  datasets: [
                    { label: translateLabel('chartBudget'), data: charts.moneyByRegion.map((r) => r.budget), backgroundColor: '#3040d6' },
                    {
                      label: translateLabel('chartContracted'),
                      data: charts.moneyByRegion.map((r) => r.contracted),
                      backgroundColor: '#f08c00',
                    },
                    { label: translateLabel('chartPaid'), data: charts.moneyByRegion.map((r) => r.paid), backgroundColor: '#2f9e44' },
                  ],
                }}
              />
            </Box>
          </Box>
          <Box variant="white" mb="lg" width="100%" style={{ height: 360 }} data-testid="chart-flags">
            <H5>{translateLabel('chartFlags')}</H5>
            <Box style={{ height: 300 }}>
              <Bar
                options={{ ...options, scales: { x: { stacked: true }, y: { stacked: true, ticks: { precision: 0 } } } }}
                data={{
                  labels: charts.flagsByRegion.map((r) => r.regionName),
                  datasets: [
                    { label: translateLabel('chartFlagsRed'), data: charts.flagsByRegion.map((r) => r.red), backgroundColor: '#e03131' },
                    {
                      label: translateLabel('chartFlagsOrange'),
                      data: charts.flagsByRegion.map((r) => r.orange),
                      backgroundColor: '#f08c00',
                    },
                    {
                      label: translateLabel('chartFlagsYellow'),
                      data: charts.flagsByRegion.map((r) => r.yellow),
                      backgroundColor: '#fab005',
                    },
                  ],
                }}
              />
            </Box>
          </Box>
          {charts.unfoundedByRule && (
            <Box variant="white" mb="lg" width="100%" data-testid="unfounded-by-rule">
              <H5>{translateLabel('unfoundedTitle')}</H5>
              {charts.unfoundedByRule.length === 0 ? (
                <Text>{translateLabel('unfoundedNone')}</Text>
              ) : (
                <Table>
                  <TableHead>
                    <TableRow>
                      <TableCell>{translateLabel('unfoundedRule')}</TableCell>
                      <TableCell>{translateLabel('unfoundedConcluded')}</TableCell>
                      <TableCell>{translateLabel('unfoundedCount')}</TableCell>
                      <TableCell>{translateLabel('unfoundedShare')}</TableCell>
                    </TableRow>
                  </TableHead>
                  <TableBody>
                    {charts.unfoundedByRule.map((r) => (
                      <TableRow key={r.rule}>
                        <TableCell>{r.label}</TableCell>
                        <TableCell>{r.concluded}</TableCell>
                        <TableCell>{r.unfounded}</TableCell>
                        <TableCell>{`${Math.round(r.share * 1000) / 10}%`}</TableCell>
                      </TableRow>
                    ))}
                  </TableBody>
                </Table>
              )}
            </Box>
          )}
        </Box>
      )}
      <Box variant="white">
        <H5>{translateLabel('backgroundJobs')}</H5>
        <Text data-testid="queue-status">
          {queueLabel}
          {data.queue.detail && data.queue.detail !== queueLabel ? `：${data.queue.detail}` : ''}
        </Text>
        {data.user?.role === 'admin' && <Link href="/admin/queues">{translateLabel('queueBoard')}</Link>}
      </Box>
    </Box>
  );
};

export default Dashboard;
