import { describe, expect, it } from '@jest/globals';
import { createCipheriv, createDecipheriv, createHash, getCiphers, getHashes } from 'node:crypto';

/**
 * The product's SM3 (signatures, the personal-data index) and SM4 (personal data at rest) are Node's own OpenSSL's:
 * this checks that this Node has them and that they give the standards' own example results.
 */
describe('SM3 (GB/T 32905-2016, appendix A)', () => {
  it('is offered by this Node', () => {
    expect(getHashes()).toContain('sm3');
  });

  it('example 1: "abc"', () => {
    expect(createHash('sm3').update('abc').digest('hex')).toBe('66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0');
  });

  it('example 2: the 64 bytes "abcd" × 16', () => {
    const message = 'abcd'.repeat(16);
    expect(Buffer.byteLength(message)).toBe(64);
    expect(createHash('sm3').update(message).digest('hex')).toBe('debe9ff92275b8a138604889c18e5a4d6fdb70e5387e5765293dcba39c0c5732');
  });
});

describe('SM4 (GB/T 32907-2016, appendix A)', () => {
  const key = Buffer.from('0123456789abcdeffedcba9876543210', 'hex');

  it('is offered by this Node', () => {
    expect(getCiphers()).toEqual(expect.arrayContaining(['sm4-ecb', 'sm4-cbc']));
  });

  it('example 1: key = plaintext = 0123456789abcdeffedcba9876543210, one block, and back', () => {
    const cipher = createCipheriv('sm4-ecb', key, null).setAutoPadding(false);
    const ciphertext = Buffer.concat([cipher.update(key), cipher.final()]);
    expect(ciphertext.toString('hex')).toBe('681edf34d206965e86b3e94f536e4246');
    const decipher = createDecipheriv('sm4-ecb', key, null).setAutoPadding(false);
    expect(Buffer.concat([decipher.update(ciphertext), decipher.final()]).toString('hex')).toBe(key.toString('hex'));
  });

  it('example 2: the same block encrypted 1,000,000 times', () => {
    const cipher = createCipheriv('sm4-ecb', key, null).setAutoPadding(false);
    let block = key;
    for (let i = 0; i < 1_000_000; i++) block = cipher.update(block);
    expect(block.toString('hex')).toBe('595298c7c6fd271f0402f804c33d3f66');
  });
});
