import { afterAll, describe, expect, it } from '@jest/globals';
import { createDecipheriv, createHmac } from 'node:crypto';
import {
  keyIdOf,
  openPersonal,
  PersonalDataUnreadable,
  personalIndex,
  sealingKeyId,
  sealPersonal,
  usePersonalDataKeys,
} from '../../db/personal-data/personal-cipher.js';
import { personalDataKeysFrom } from '../../settings/personal-data-keys.js';

const key = (id: string, byte: string) => ({ id, key: Buffer.from(byte.repeat(16), 'hex') });
const OLD = key('old', '11');
const NEW = key('new', '22');
const INDEX = Buffer.from('33'.repeat(32), 'hex');
const COLUMN = 'procurement_units.phone';

afterAll(() => {
  const { keys, indexKey } = personalDataKeysFrom(process.env);
  usePersonalDataKeys(keys, indexKey);
});

describe('sealing personal data (SM4-CBC + HMAC-SM3)', () => {
  it('seals under the first key, names it, and opens again; the same number twice is two different values', () => {
    usePersonalDataKeys([OLD], INDEX);
    const sealed = sealPersonal('0791-88123027', COLUMN);
    expect(sealed).toMatch(/^SM4\$old\$[A-Za-z0-9_-]+$/);
    expect(keyIdOf(sealed)).toBe('old');
    expect(sealed).not.toContain('88123027');
    expect(openPersonal(sealed, COLUMN)).toBe('0791-88123027');
    expect(sealPersonal('0791-88123027', COLUMN)).not.toBe(sealed);
    expect(openPersonal(sealPersonal('（0791）转 806', COLUMN), COLUMN)).toBe('（0791）转 806');
  });

  it('is SM4-CBC under a key derived with HMAC-SM3 from the configured one: the value opens with Node alone', () => {
    usePersonalDataKeys([OLD], INDEX);
    const bytes = Buffer.from(sealPersonal('13812345678', COLUMN).split('$')[2]!, 'base64url');
    const encryption = createHmac('sm3', OLD.key).update('jxcg personal data SM4 encryption').digest().subarray(0, 16);
    const decipher = createDecipheriv('sm4-cbc', encryption, bytes.subarray(0, 16));
    const plain = Buffer.concat([decipher.update(bytes.subarray(16, bytes.length - 16)), decipher.final()]);
    expect(plain.toString('utf8')).toBe('13812345678');
  });

  it('refuses a value altered, cut short, moved to another column, or sealed under a key not configured', () => {
    usePersonalDataKeys([OLD], INDEX);
    const sealed = sealPersonal('13812345678', COLUMN);
    const flipped = `${sealed.slice(0, -3)}${sealed.endsWith('AAA') ? 'BBB' : 'AAA'}`;
    const attempts: Array<[string, string, RegExp]> = [
      [flipped, COLUMN, /完整性校验失败/],
      [sealed.slice(0, -22), COLUMN, /完整性校验失败/],
      [sealed, 'experts.phone', /完整性校验失败/],
      [sealed.replace('SM4$old$', 'SM4$new$'), COLUMN, /密钥 new/],
      ['13812345678', COLUMN, /不是 SM4 密文/],
    ];
    expect(attempts).toHaveLength(5);
    for (const [value, column, message] of attempts) {
      expect(() => openPersonal(value, column)).toThrow(PersonalDataUnreadable);
      expect(() => openPersonal(value, column)).toThrow(message);
    }
  });

  it('rotation: with the new key first old values still open, new ones take the new key; without the old key they do not open', () => {
    usePersonalDataKeys([OLD], INDEX);
    const before = sealPersonal('13812345678', COLUMN);
    usePersonalDataKeys([NEW, OLD], INDEX);
    expect(sealingKeyId()).toBe('new');
    expect(openPersonal(before, COLUMN)).toBe('13812345678');
    const after = sealPersonal('13812345678', COLUMN);
    expect(keyIdOf(after)).toBe('new');
    usePersonalDataKeys([NEW], INDEX);
    expect(openPersonal(after, COLUMN)).toBe('13812345678');
    expect(() => openPersonal(before, COLUMN)).toThrow(/由密钥 old 加密，PERSONAL_DATA_KEYS 中没有该密钥/);
  });

  it('the index is HMAC-SM3 under the index key alone: the same for every sealing key, another under another index key', () => {
    usePersonalDataKeys([OLD], INDEX);
    const index = personalIndex('phone', '079188123027');
    expect(index).toBe(createHmac('sm3', INDEX).update('phone\n079188123027').digest('hex'));
    usePersonalDataKeys([NEW, OLD], INDEX);
    expect(personalIndex('phone', '079188123027')).toBe(index);
    usePersonalDataKeys([NEW], Buffer.from('44'.repeat(32), 'hex'));
    expect(personalIndex('phone', '079188123027')).not.toBe(index);
  });
});
