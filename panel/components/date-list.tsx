import React from 'react';
import type { ShowPropertyProps } from 'adminjs';
import { shownDate } from './date-value.js';

/**
 * AdminJS's date and date-time value in lists, replaced: it formats in the browser's zone, so a reader elsewhere saw
 * another hour; here a moment is China time, as on record pages, in record history and in exports.
 */
const DateList: React.FC<ShowPropertyProps> = ({ property, record }) => (
  <span>{shownDate(record?.params?.[property.path], property.type)}</span>
);

export default DateList;
