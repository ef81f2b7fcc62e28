import { describe, expect, it } from '@jest/globals';
import { firstDuplicateKey } from '../../http/integration/duplicate-json-keys.js';

describe('firstDuplicateKey', () => {
  it('finds a key repeated in any object, naming the object by its path', () => {
    expect(firstDuplicateKey('{"items":[],"items":[1]}')).toEqual({ path: '', key: 'items' });
    expect(firstDuplicateKey('{"items":[{"a":1},{"amount":"1.00","b":{"c":[1,2]},"amount":"9.00"}]}')).toEqual({
      path: 'items[1]',
      key: 'amount',
    });
    expect(firstDuplicateKey('{"items":[{"x":{"y":{"z":1,"z":2}}}]}')).toEqual({ path: 'items[0].x.y', key: 'z' });
    expect(firstDuplicateKey('{"a b":{"k":1,"k":1}}')).toEqual({ path: '["a b"]', key: 'k' });
  });

  it('compares keys as decoded, so an escaped spelling is the same key', () => {
    expect(firstDuplicateKey('{"items":[{"amount":1,"\\u0061mount":2}]}')).toEqual({ path: 'items[0]', key: 'amount' });
    expect(firstDuplicateKey('{"项目":1,"\\u9879\\u76ee":2}')).toEqual({ path: '', key: '项目' });
  });

  it('takes the same key in different objects, and strings that only look like keys', () => {
    const items = [
      { a: 1, b: { a: 2 } },
      { a: 3, s: '"a":1,"a":2', t: 'x\\"', u: '{"a":[' },
    ];
    expect(firstDuplicateKey(JSON.stringify({ items }))).toBeNull();
    expect(firstDuplicateKey('["a","a",{"a":"a"}]')).toBeNull();
    expect(firstDuplicateKey('{"a\\\\":1,"a":2}')).toBeNull();
  });

  it('walks 20,000 levels of nesting without recursion', () => {
    const nested = `${'{"a":'.repeat(20_000)}1${'}'.repeat(20_000)}`;
    expect(firstDuplicateKey(`{"items":[${nested}]}`)).toBeNull();
    expect(firstDuplicateKey(`{"items":[${nested.replace('{"a":1}', '{"a":1,"a":2}')}]}`)).toEqual({
      path: expect.stringMatching(/^items\[0\](\.a)+$/),
      key: 'a',
    });
  });
});
