import { randomBytes, randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Sequelize } from 'sequelize';
import { createSequelize } from '../../db/database.js';
import { DataExport, ExportFileChunk, initModels } from '../../db/models.js';
import { beginExportAttempt, CHUNK_BYTES, ExportFileSink, exportFileChunks, finishExportFile } from '../../services/export-file.js';
import { seededDatabaseUrls } from '../support/databases.js';

/** Issue #27 item 3: an export's file is stored in the main database in chunks, written once by the run that owns it. */
describe('export files in the database', () => {
  let sequelize: Sequelize;

  beforeAll(async () => {
    sequelize = createSequelize((await seededDatabaseUrls()).DATABASE_URL);
    initModels(sequelize);
  });
  afterAll(async () => {
    await sequelize?.close();
  });

  const newExport = async () => {
    const id = randomUUID();
    await DataExport.create({
      id,
      userId: 1,
      username: 'admin',
      userRole: 'admin',
      userRegion: '360000',
      resourceId: 'Region',
      filters: '{}',
      state: 'queued',
      expiresAt: new Date(Date.now() + 3600_000),
    });
    return id;
  };

  /** Bytes fed to the sink in uneven pieces, as the zip stream hands them on. */
  const feed = (sink: ExportFileSink, bytes: Buffer) => {
    const pieces = function* () {
      for (let at = 0; at < bytes.length;) {
        const size = 1 + ((at * 7919) % 300_000);
        yield bytes.subarray(at, at + size);
        at += size;
      }
    };
    return pipeline(Readable.from(pieces()), sink);
  };

  const readBack = async (id: string) => {
    const job = (await DataExport.findByPk(id))!;
    const parts: Buffer[] = [];
    for await (const chunk of exportFileChunks(job)) parts.push(chunk);
    return { job, bytes: Buffer.concat(parts), sizes: parts.map((p) => p.length) };
  };

  it('writes full chunks in order as they fill, and marks the export done with its size only at the end', async () => {
    const id = await newExport();
    const attempt = (await beginExportAttempt(id))!;
    expect(attempt).toBe(1);
    const file = randomBytes(2 * CHUNK_BYTES + 12_345);
    const sink = new ExportFileSink(id, attempt);
    await feed(sink, file);
    expect((await DataExport.findByPk(id))!.state).toBe('queued');
    expect(await finishExportFile(sink, { done: 3, fileName: 'f.xlsx', finishedAt: new Date() })).toBe(true);
    const { job, bytes, sizes } = await readBack(id);
    expect(job).toMatchObject({ state: 'done', byteSize: file.length, chunkCount: 3, attempt: 1 });
    expect(sizes).toEqual([CHUNK_BYTES, CHUNK_BYTES, 12_345]);
    expect(bytes.equals(file)).toBe(true);
    // Finished: another run of the job has nothing to do.
    expect(await beginExportAttempt(id)).toBeNull();
  });

  it('a run taken over by a later one never finishes, and neither leaves a chunk of its own behind', async () => {
    const id = await newExport();
    const first = new ExportFileSink(id, (await beginExportAttempt(id))!);
    await feed(first, randomBytes(CHUNK_BYTES + 10));
    // The job stalled and another worker took it: the second run takes the next attempt and drops the first's chunks.
    const second = new ExportFileSink(id, (await beginExportAttempt(id))!);
    expect(second.attempt).toBe(2);
    expect(await ExportFileChunk.count({ where: { exportId: id, attempt: 1 } })).toBe(0);
    const file = randomBytes(CHUNK_BYTES / 2);
    await feed(second, file);
    // The first run wakes up, writes on and tries to finish: refused, its chunks go.
    const late = new ExportFileSink(id, first.attempt);
    await feed(late, randomBytes(100));
    expect(await finishExportFile(late, { done: 1, fileName: 'late.xlsx', finishedAt: new Date() })).toBe(false);
    expect(await finishExportFile(second, { done: 2, fileName: 'f.xlsx', finishedAt: new Date() })).toBe(true);
    expect(await ExportFileChunk.count({ where: { exportId: id } })).toBe(1);
    const { job, bytes } = await readBack(id);
    expect(job).toMatchObject({ state: 'done', done: 2, fileName: 'f.xlsx', attempt: 2, chunkCount: 1 });
    expect(bytes.equals(file)).toBe(true);
  });

  it('two runs starting at once get different attempts', async () => {
    const id = await newExport();
    const attempts = await Promise.all([beginExportAttempt(id), beginExportAttempt(id), beginExportAttempt(id)]);
    expect([...attempts].sort()).toEqual([1, 2, 3]);
  });
});
