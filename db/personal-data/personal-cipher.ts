import { createCipheriv, createDecipheriv, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { personalDataKeysFrom, type PersonalDataKey } from '../../settings/personal-data-keys.js';

/**
 * Personal data at rest (GB/T 39786 存储数据机密性、完整性): each value is sealed with SM4-CBC under a fresh random IV and
 * an HMAC-SM3 tag over the key id, the column it belongs to, the IV and the ciphertext, so a value copied into another
 * row's column, altered or truncated in the database opens to nothing rather than to something else. A sealed value is
 * `SM4$<key id>$<base64url(iv ‖ ciphertext ‖ tag)>`: it names the key that opens it, which is how a rotation goes on
 * while old values are still read. Exact search uses a separate keyed index (`personalIndex`), never the ciphertext.
 */
const PREFIX = 'SM4';
const IV_BYTES = 16;
const TAG_BYTES = 16;

interface SealingKey {
  readonly id: string;
  readonly encryption: Buffer;
  readonly integrity: Buffer;
}
interface Keyring {
  readonly sealing: SealingKey;
  readonly byId: ReadonlyMap<string, SealingKey>;
  readonly index: Buffer;
}

/** One key per purpose from the configured one, so SM4 and HMAC-SM3 never share a key. */
function derive({ id, key }: PersonalDataKey): SealingKey {
  const kdf = (purpose: string) => createHmac('sm3', key).update(`jxcg personal data ${purpose}`).digest();
  return { id, encryption: kdf('SM4 encryption').subarray(0, 16), integrity: kdf('HMAC-SM3 integrity') };
}

let keyring: Keyring | undefined;

/** The keys this process seals and opens with: the web's own environment (a test app's), else the process's. */
export function usePersonalDataKeys(keys: readonly PersonalDataKey[], indexKey: Buffer): void {
  if (!keys.length) throw new Error('PERSONAL_DATA_KEYS 为空');
  const derived = keys.map(derive);
  keyring = { sealing: derived[0]!, byId: new Map(derived.map((k) => [k.id, k])), index: Buffer.from(indexKey) };
}

function current(): Keyring {
  if (!keyring) {
    const { keys, indexKey } = personalDataKeysFrom(process.env);
    usePersonalDataKeys(keys, indexKey);
  }
  return keyring!;
}

/** The id of the key new values are sealed with: what a rotation moves every value to. */
export function sealingKeyId(): string {
  return current().sealing.id;
}

/** What opening a sealed value could not do, in words for the log and the operator (never a key). */
export class PersonalDataUnreadable extends Error {}

function tagOf(key: SealingKey, column: string, iv: Buffer, ciphertext: Buffer): Buffer {
  return createHmac('sm3', key.integrity).update(`${key.id}\n${column}\n`).update(iv).update(ciphertext).digest().subarray(0, TAG_BYTES);
}

/** `value` sealed for `column` (`table.column`) under the sealing key. */
export function sealPersonal(value: string, column: string): string {
  const key = current().sealing;
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('sm4-cbc', key.encryption, iv);
  const ciphertext = Buffer.concat([cipher.update(value, 'utf8'), cipher.final()]);
  return `${PREFIX}$${key.id}$${Buffer.concat([iv, ciphertext, tagOf(key, column, iv, ciphertext)]).toString('base64url')}`;
}

/** The key id a sealed value names, or null when it is not a sealed value. */
export function keyIdOf(sealed: string): string | null {
  const match = /^SM4\$([A-Za-z0-9-]{1,16})\$/.exec(sealed);
  return match ? match[1]! : null;
}

/** The value `sealed` holds, if it was sealed for `column` under a key this process has and is intact. */
export function openPersonal(sealed: string, column: string): string {
  const id = keyIdOf(sealed);
  if (id === null) throw new PersonalDataUnreadable(`${column} 的值不是 SM4 密文`);
  const key = current().byId.get(id);
  if (!key) throw new PersonalDataUnreadable(`${column} 的值由密钥 ${id} 加密，PERSONAL_DATA_KEYS 中没有该密钥`);
  const bytes = Buffer.from(sealed.slice(PREFIX.length + id.length + 2), 'base64url');
  const iv = bytes.subarray(0, IV_BYTES);
  const ciphertext = bytes.subarray(IV_BYTES, bytes.length - TAG_BYTES);
  const tag = bytes.subarray(bytes.length - TAG_BYTES);
  if (ciphertext.length === 0 || ciphertext.length % 16 || !timingSafeEqual(tag, tagOf(key, column, iv, ciphertext))) {
    throw new PersonalDataUnreadable(`${column} 的密文完整性校验失败（被改动、截断或来自其他字段）`);
  }
  const decipher = createDecipheriv('sm4-cbc', key.encryption, iv);
  return Buffer.concat([decipher.update(ciphertext), decipher.final()]).toString('utf8');
}

/**
 * The exact-search index of a normalised value: lowercase hex HMAC-SM3 under the index key, one `kind` of value apart
 * from another. Equal values give equal indexes, so `WHERE phone_index = ?` finds a number without its text being stored.
 */
export function personalIndex(kind: string, normalised: string): string {
  return createHmac('sm3', current().index).update(`${kind}\n${normalised}`).digest('hex');
}
