import { Sequelize } from 'sequelize';
import { initModels, IntegrationInbox } from '/work/main/resources/models.js';
import { ingestBatch } from '/work/main/jobs/processors/ingest-batch.processor.js';
const sequelize = new Sequelize('postgres://postgres@127.0.0.1:5432/jxcg_bench', { logging: false });
initModels(sequelize);
const mb = (n: number) => (n / 1048576).toFixed(0);
const show = (l: string) => { const m = process.memoryUsage(); console.log(l, 'rss', mb(m.rss), 'heapUsed', mb(m.heapUsed), 'heapTotal', mb(m.heapTotal), 'ext', mb(m.external), 'ab', mb(m.arrayBuffers)); };
show('start');
const batches = await IntegrationInbox.findAll({ where: { itemCount: 5000 }, limit: 6, order: [['receivedAt', 'ASC']] });
const ctx = { id: 'x', name: 'ingestBatch', attemptsMade: 0, maxAttempts: 1, updateProgress: async () => undefined };
let peak = 0;
const timer = setInterval(() => { peak = Math.max(peak, process.memoryUsage().rss); }, 20);
for (const b of batches) {
  await b.update({ state: 'received' });
  await ingestBatch({ batchId: b.id }, ctx);
  show(`after ${b.id.slice(0, 8)}`);
}
clearInterval(timer);
console.log('peak rss', mb(peak));
await sequelize.close();
