import { Writable } from 'node:stream';
import { Op } from 'sequelize';
import { DataExport, ExportFileChunk } from '../db/models/system/data-export.model.js';

/**
 * Export files live in the main database, not on the disk of the worker that wrote them: every web instance serves
 * them, backups hold them, and one scheduled job removes them after their 24 hours. About 1 MiB a row keeps each
 * statement small and the memory of a writer or reader to a chunk or two, however long the file.
 */
export const CHUNK_BYTES = 1024 * 1024;

/** States in which an export may still be written; a run that finds it otherwise has nothing left to do. */
const UNFINISHED = ['queued', 'running'] as const;

/**
 * Takes the next attempt number of an unfinished export, or null when it is finished. A compare-and-set, so two runs
 * started at once (a stalled job taken over while its first worker still writes) never share a number.
 */
export async function beginExportAttempt(exportId: string): Promise<number | null> {
  for (;;) {
    const row = await DataExport.findByPk(exportId, { attributes: ['id', 'attempt', 'state'] });
    if (!row || !(UNFINISHED as readonly string[]).includes(row.state)) return null;
    const attempt = row.attempt + 1;
    const [taken] = await DataExport.update(
      { attempt },
      { where: { id: exportId, attempt: row.attempt, state: { [Op.in]: [...UNFINISHED] } } },
    );
    if (taken) {
      // Earlier runs cannot finish any more (finishing needs the current attempt): what they wrote is of no use.
      await ExportFileChunk.destroy({ where: { exportId, attempt: { [Op.lt]: attempt } } });
      return attempt;
    }
  }
}

/** Progress of this attempt only: a superseded run's counts never overwrite its successor's. */
export async function recordExportProgress(exportId: string, attempt: number, values: { state?: 'running'; total?: number; done: number }) {
  await DataExport.update(values, { where: { id: exportId, attempt, state: { [Op.in]: [...UNFINISHED] } } });
}

/**
 * Where a workbook is streamed to: bytes are gathered into chunks of CHUNK_BYTES and each is inserted as soon as it is
 * full, before more is accepted, so a producer piping into it waits for the database instead of filling memory.
 */
export class ExportFileSink extends Writable {
  bytes = 0;
  chunks = 0;
  private pending: Buffer[] = [];
  private pendingBytes = 0;

  constructor(
    readonly exportId: string,
    readonly attempt: number,
  ) {
    super({ highWaterMark: CHUNK_BYTES });
  }

  override _write(data: Buffer, _encoding: BufferEncoding, done: (error?: Error | null) => void): void {
    this.pending.push(data);
    this.pendingBytes += data.length;
    this.bytes += data.length;
    if (this.pendingBytes < CHUNK_BYTES) {
      done();
      return;
    }
    this.flushFull().then(() => done(), done);
  }

  override _final(done: (error?: Error | null) => void): void {
    const rest = Buffer.concat(this.pending);
    this.pending = [];
    this.pendingBytes = 0;
    (rest.length ? this.insert(rest) : Promise.resolve()).then(() => done(), done);
  }

  private async flushFull(): Promise<void> {
    let buffered = Buffer.concat(this.pending);
    while (buffered.length >= CHUNK_BYTES) {
      await this.insert(buffered.subarray(0, CHUNK_BYTES));
      buffered = buffered.subarray(CHUNK_BYTES);
    }
    // A copy, so the rest does not keep the whole concatenation alive.
    this.pending = buffered.length ? [Buffer.from(buffered)] : [];
    this.pendingBytes = buffered.length;
  }

  private async insert(bytes: Buffer): Promise<void> {
    await ExportFileChunk.create({ exportId: this.exportId, attempt: this.attempt, seq: this.chunks, bytes });
    this.chunks += 1;
  }
}

/**
 * Marks the export done with the file this attempt wrote, all of whose chunks are committed by now. Only the current
 * attempt may: a superseded run finds the export taken and removes its own chunks instead. Returns whether it was ours.
 */
export async function finishExportFile(
  sink: ExportFileSink,
  values: { done: number; fileName: string; finishedAt: Date },
): Promise<boolean> {
  const { exportId, attempt } = sink;
  const [finished] = await DataExport.update(
    { ...values, state: 'done', byteSize: sink.bytes, chunkCount: sink.chunks },
    { where: { id: exportId, attempt, state: { [Op.in]: [...UNFINISHED] } } },
  );
  // A superseded run may have written after this one began: only this attempt's chunks are the file.
  await ExportFileChunk.destroy({ where: { exportId, attempt: finished ? { [Op.ne]: attempt } : attempt } });
  return finished > 0;
}

/** What an attempt that failed had written: never read, so removed at once rather than at the export's expiry. */
export async function discardExportAttempt(exportId: string, attempt: number): Promise<void> {
  await ExportFileChunk.destroy({ where: { exportId, attempt } });
}

/** A chunk of a file being read went missing (the file expired and was pruned under the download). */
export class ExportFileGoneError extends Error {
  constructor() {
    super('导出文件已被清理，请重新导出');
  }
}

/** The file of a finished export, chunk by chunk in order: one chunk in memory at a time. */
export async function* exportFileChunks(job: Pick<DataExport, 'id' | 'attempt' | 'chunkCount'>): AsyncGenerator<Buffer> {
  for (let seq = 0; seq < (job.chunkCount ?? 0); seq++) {
    const chunk = await ExportFileChunk.findOne({ where: { exportId: job.id, attempt: job.attempt, seq }, attributes: ['bytes'] });
    if (!chunk) throw new ExportFileGoneError();
    yield chunk.bytes;
  }
}
