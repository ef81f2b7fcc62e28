import { useRef } from 'react';
import type { RecordJSON } from 'adminjs';

/**
 * The server's refusal of a form field, for as long as the field still holds the value it refused: once the user
 * changes it, the old answer no longer speaks about what is there.
 */
export function useServerAnswer(record: RecordJSON | undefined, path: string, value: string): string | null {
  const error = record?.errors?.[path];
  const answered = useRef<{ error: unknown; value: string }>({ error: undefined, value: '' });
  if (answered.current.error !== error) answered.current = { error, value };
  return error && answered.current.value === value ? (error.message ?? null) : null;
}
