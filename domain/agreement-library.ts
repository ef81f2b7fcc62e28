import { parentRegion, tryRegionLevel } from './jurisdiction.js';

/**
 * Which goods library (商品库) a region works in. A city (and 省本级) works in its own. A county works in its own
 * once it has built one, and then never in its city's; until then it uses its city's. Null: no library yet.
 * `hasLibrary` answers whether a region owns a library.
 */
export function workingLibraryRegion(region: string, hasLibrary: (owner: string) => boolean): string | null {
  const level = tryRegionLevel(region);
  if (level === null) return null;
  if (hasLibrary(region)) return region;
  if (level !== 'county') return null;
  const city = parentRegion(region)!;
  return hasLibrary(city) ? city : null;
}

/** Why a region may not build a library, or null when it may (one per region, never twice). */
export function libraryCreationRefusal(region: string, hasLibrary: (owner: string) => boolean): string | null {
  if (tryRegionLevel(region) === null) return `无效的行政区划代码：${region}`;
  if (hasLibrary(region)) return '本辖区已有商品库，不能重复建立';
  return null;
}

export const BIDDING_STATUS_LABELS = { bidding: '竞价中', quoting: '报价中', ended: '已结束', returned: '已退回' } as const;
export type BiddingStatus = keyof typeof BIDDING_STATUS_LABELS;

/** 退回竞价/报价: the manual allows it only once the bidding or quotation has ended. */
export function biddingReturnRefusal(status: BiddingStatus): string | null {
  if (status === 'ended') return null;
  if (status === 'returned') return '该竞价（报价）已经退回';
  return `项目必须竞价结束或者报价结束才能进行退回（当前状态：${BIDDING_STATUS_LABELS[status]}）`;
}
