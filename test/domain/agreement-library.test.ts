import { describe, expect, test } from '@jest/globals';
import { CATEGORY_CODE, catalogueTree, categoryParent, STANDARD_CATALOGUE } from '../../domain/agreement-catalogue.js';
import { biddingReturnRefusal, libraryCreationRefusal, workingLibraryRegion } from '../../domain/agreement-library.js';

const owners =
  (...regions: string[]) =>
  (region: string) =>
    regions.includes(region);

describe('workingLibraryRegion', () => {
  test.each([
    ["a county without its own library uses its city's", '360102', ['360100'], '360100'],
    ['a county with its own library uses only its own', '360121', ['360100', '360121'], '360121'],
    ['a county with its own library and no city library', '360121', ['360121'], '360121'],
    ['a county whose city has none has none', '360702', ['360100'], null],
    ['a city works in its own', '360100', ['360100', '360121'], '360100'],
    ["a city never borrows a county's", '360700', ['360702'], null],
    ["the province works in 省本级's", '360000', ['360000', '360100'], '360000'],
    ["the province never borrows a city's", '360000', ['360100'], null],
    ['a malformed region has none', '36012X', ['36012X'], null],
  ])('%s', (_what, region, libraries, expected) => {
    expect(workingLibraryRegion(region, owners(...libraries))).toBe(expected);
  });
});

test('a region builds one library at most', () => {
  expect(libraryCreationRefusal('360121', owners('360100'))).toBeNull();
  expect(libraryCreationRefusal('360121', owners('360121'))).toBe('本辖区已有商品库，不能重复建立');
  expect(libraryCreationRefusal('999999', owners())).toContain('无效的行政区划代码');
});

describe('biddingReturnRefusal', () => {
  test('an ended bidding or quotation may be returned', () => expect(biddingReturnRefusal('ended')).toBeNull());
  test.each([
    ['bidding', '竞价中'],
    ['quoting', '报价中'],
  ] as const)("%s is refused in the manual's words", (status, label) => {
    expect(biddingReturnRefusal(status)).toBe(`项目必须竞价结束或者报价结束才能进行退回（当前状态：${label}）`);
  });
  test('a returned one cannot be returned twice', () => expect(biddingReturnRefusal('returned')).toBe('该竞价（报价）已经退回'));
});

describe('the standard catalogue', () => {
  const tree = catalogueTree();
  const byCode = new Map(tree.map((n) => [n.code, n]));

  test('every code follows the two-digits-per-level rule', () => {
    for (const node of tree) expect(node.code).toMatch(CATEGORY_CODE);
    expect(categoryParent('A02010104')).toBe('A020101');
    expect(categoryParent('A02')).toBe('A');
    expect(categoryParent('C')).toBeNull();
  });

  test('has the three top levels and unique codes', () => {
    expect(tree.filter((n) => n.parentCode === null).map((n) => n.name)).toEqual(['货物', '工程', '服务']);
    expect(byCode.size).toBe(STANDARD_CATALOGUE.length);
  });

  test('every parent exists and comes before its children; leaves have no children', () => {
    const seen = new Set<string>();
    for (const node of tree) {
      if (node.parentCode) {
        expect(seen.has(node.parentCode)).toBe(true);
        expect(node.code.startsWith(node.parentCode)).toBe(true);
        expect(byCode.get(node.parentCode)!.isLeaf).toBe(false);
        expect(node.level).toBe(byCode.get(node.parentCode)!.level + 1);
      }
      seen.add(node.code);
    }
    expect(byCode.get('A02010104')).toMatchObject({ name: '台式计算机', isLeaf: true, parentCode: 'A020101', level: 5 });
    expect(byCode.get('A0201')!.isLeaf).toBe(false);
  });
});
