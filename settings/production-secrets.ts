import { randomBytes } from 'node:crypto';

/** What each deployment must hold of its own: production refuses to start without them (settings/env.ts). */
export const PRODUCTION_SECRETS = [
  'SESSION_SECRET',
  'INTEGRATION_APP_SECRET',
  'PERSONAL_DATA_KEYS',
  'PERSONAL_DATA_INDEX_KEY',
  'AUDIT_CHAIN_KEY',
  'METRICS_TOKEN',
] as const;

/**
 * The values deploy/env.example shows in their place. They are published with the product, as the demo password is,
 * so production refuses them as it refuses that password: an operator who copied the file and kept one would run
 * with a key every reader of the repository knows.
 */
const PUBLISHED_PLACEHOLDER = /CHANGE-ME/i;
const PUBLISHED_KEYS = ['0123456789abcdef0123456789abcdef', '00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff'];

/** The first secret of `source` that still holds a published example value, if any. */
export function secretLeftAsPublished(source: Readonly<Record<string, string | undefined>>): string | undefined {
  return PRODUCTION_SECRETS.find((name) => {
    const value = source[name];
    if (!value) return false;
    if (PUBLISHED_PLACEHOLDER.test(value)) return true;
    // PERSONAL_DATA_KEYS is `id:hex[,id:hex…]`: each key is looked at.
    return value.split(/[,:]/).some((part) => PUBLISHED_KEYS.includes(part.trim().toLowerCase()));
  });
}

/** Fresh values for every secret, in the forms production checks; `keyId` names the personal-data key. */
export function newProductionSecrets(keyId: string): Record<(typeof PRODUCTION_SECRETS)[number], string> {
  return {
    SESSION_SECRET: randomBytes(36).toString('base64url'),
    INTEGRATION_APP_SECRET: randomBytes(36).toString('base64url'),
    PERSONAL_DATA_KEYS: `${keyId}:${randomBytes(16).toString('hex')}`,
    PERSONAL_DATA_INDEX_KEY: randomBytes(32).toString('hex'),
    AUDIT_CHAIN_KEY: randomBytes(32).toString('hex'),
    METRICS_TOKEN: randomBytes(24).toString('hex'),
  };
}
