import argon2 from 'argon2';

/**
 * Argon2id at the OWASP Password Storage Cheat Sheet's recommended setting (19 MiB, 2 passes, 1 lane) instead of
 * the library's 64 MiB: a login holds this memory while it hashes, and a web instance of two cores serves a whole
 * office's morning logins. Each hash records its own settings, so older hashes keep verifying and are re-hashed at
 * the next successful login.
 */
export const PASSWORD_HASH_OPTIONS = { type: argon2.argon2id, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export function hashPassword(password: string): Promise<string> {
  return argon2.hash(password, PASSWORD_HASH_OPTIONS);
}

export function verifyPassword(hash: string, password: string): Promise<boolean> {
  return argon2.verify(hash, password);
}

export function hashNeedsUpgrade(hash: string): boolean {
  const { type: _type, ...settings } = PASSWORD_HASH_OPTIONS;
  return argon2.needsRehash(hash, settings);
}
