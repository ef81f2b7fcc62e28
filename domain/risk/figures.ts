/** How a flag's figures read: money in yuan with separators, ratios as percentages. */
import { formatYuan } from '../money.js';

export const yuanText = (fen: number): string => formatYuan(fen);

export const percentText = (ratio: number): string => `${(ratio * 100).toFixed(2)}%`;
