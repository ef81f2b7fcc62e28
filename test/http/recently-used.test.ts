import { RecentlyUsed } from '../../server/recently-used.js';

describe('RecentlyUsed: the kept statements\' and generated SQL\'s map', () => {
  it('keeps the most recently used, lets the oldest go and says which', () => {
    const letGo: string[] = [];
    const map = new RecentlyUsed<string, string>(2, (value) => letGo.push(value));
    map.set('a', 'A');
    map.set('b', 'B');
    expect(map.get('a')).toBe('A'); // a is now the most recent
    map.set('c', 'C');
    expect(letGo).toEqual(['B']);
    expect(map.get('b')).toBeUndefined();
    expect(map.get('a')).toBe('A');
    expect(map.get('c')).toBe('C');
  });

  it('replaces a key without letting anything go', () => {
    const letGo: string[] = [];
    const map = new RecentlyUsed<string, string>(2, (value) => letGo.push(value));
    map.set('a', 'A1');
    map.set('a', 'A2');
    map.set('b', 'B');
    expect(letGo).toEqual([]);
    expect(map.get('a')).toBe('A2');
  });

  it('forgets a key only while it still holds the value asked about', () => {
    const map = new RecentlyUsed<string, string>(5);
    map.set('a', 'old');
    map.set('a', 'new');
    map.forget('a', 'old');
    expect(map.get('a')).toBe('new');
    map.forget('a', 'new');
    expect(map.get('a')).toBeUndefined();
  });

  it('drains to what it held, and is empty after', () => {
    const map = new RecentlyUsed<string, number>(5);
    map.set('a', 1);
    map.set('b', 2);
    expect(map.drain().sort()).toEqual([1, 2]);
    expect(map.get('a')).toBeUndefined();
    expect(map.drain()).toEqual([]);
  });
});
