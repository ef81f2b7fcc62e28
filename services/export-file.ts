import path from 'node:path';

export function exportDirectory(): string {
  return path.resolve(process.env.EXPORT_DIR ?? 'data/exports');
}

export function exportFilePath(id: string): string {
  return path.join(exportDirectory(), `${id}.xlsx`);
}
