import zhCN from 'date-fns/esm/locale/zh-CN/index.js';

type PickerType = 'date' | 'datetime';

const DIGIT = { regex: '\\d' };
const DAY_MASK = [DIGIT, DIGIT, DIGIT, DIGIT, '-', DIGIT, DIGIT, '-', DIGIT, DIGIT];

/**
 * What every date picker of the panel is given so that it reads as a Chinese one: months and weekdays from date-fns'
 * zh-CN (the library react-datepicker formats with), the month header as 2026年12月, weeks from Sunday (日 一 … 六,
 * as a Chinese wall calendar, where zh-CN alone would start on Monday), and dates typed and shown as 2026-12-01,
 * as lists and show pages show them. `timeLabel` names the time box of a date-time picker (from the locale).
 */
export function chinesePickerProps(type: PickerType, timeLabel: string): Record<string, unknown> {
  return {
    locale: zhCN,
    dateFormatCalendar: 'yyyy年M月',
    calendarStartDay: 0,
    ...(type === 'date'
      ? { dateFormat: 'yyyy-MM-dd', placeholderText: 'YYYY-MM-DD', inputMask: { mask: DAY_MASK } }
      : {
          dateFormat: 'yyyy-MM-dd HH:mm',
          placeholderText: 'YYYY-MM-DD HH:mm',
          timeInputLabel: timeLabel,
          inputMask: { mask: [...DAY_MASK, ' ', DIGIT, DIGIT, ':', DIGIT, DIGIT] },
        }),
  };
}
