import { AsyncLocalStorage } from 'node:async_hooks';

const address = new AsyncLocalStorage<string>();

/**
 * Runs `work` (and everything it awaits) as the handling of a request from `ip`: every audit row it writes records
 * the address without each caller passing it on (http/app.ts sets it for every request).
 */
export function withClientAddress<T>(ip: string, work: () => T): T {
  return address.run(ip, work);
}

/** The address of the request being handled, or null in a job, a script or at start. */
export function currentClientAddress(): string | null {
  return address.getStore() ?? null;
}
