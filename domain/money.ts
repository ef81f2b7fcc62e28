/**
 * Money as whole fen (分). Decimal columns arrive as strings ("1234.50") on PostgreSQL and as numbers on SQLite;
 * adding them as floats would let 0.1 + 0.2 slip past a limit, so every comparison is done in integers.
 */
export function toFen(amount: string | number): number {
  const text = typeof amount === 'number' ? amount.toFixed(2) : amount.trim();
  const match = /^(-)?(\d+)(?:\.(\d{1,2}))?$/.exec(text);
  if (!match) throw new RangeError(`不是有效的金额：${String(amount)}`);
  const fen = Number(match[2]) * 100 + Number((match[3] ?? '').padEnd(2, '0'));
  return match[1] ? -fen : fen;
}

/** 1234567.5 → "1,234,567.50 元" */
export function formatYuan(fen: number): string {
  const sign = fen < 0 ? '-' : '';
  const abs = Math.abs(fen);
  const yuan = Math.floor(abs / 100)
    .toString()
    .replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${sign}${yuan}.${String(abs % 100).padStart(2, '0')} 元`;
}

export function fenToDecimal(fen: number): string {
  const sign = fen < 0 ? '-' : '';
  const abs = Math.abs(fen);
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}

/**
 * Why a typed amount (which must be more than 0) cannot be stored in a DECIMAL(precision, scale) column of yuan, or null
 * when it can; `label` names
 * the field in the message. Each fault has its own sentence, and more decimals than the column keeps are refused, never
 * rounded: 4999.999 is not 4999.99, and the user is the one to say which they meant.
 */
export function amountRefusal(raw: unknown, label: string, [precision, scale]: readonly [number, number]): string | null {
  const text = typeof raw === 'number' ? String(raw) : typeof raw === 'string' ? raw.trim() : '';
  if (!text) return `请填写${label}`;
  const match = /^([+-])?(\d*)(?:\.(\d*))?$/.exec(text);
  if (!match || (!match[2] && !match[3])) return `${label}必须是数字（如 4999.50），不带逗号、空格或单位`;
  const [, sign, whole = '', fraction = ''] = match;
  if (sign === '-' || !/[1-9]/.test(whole + fraction)) return `${label}必须大于 0`;
  if (fraction.length > scale) return `${label}最多 ${scale} 位小数（填写的 ${text} 有 ${fraction.length} 位），请改正，系统不会自动舍入`;
  if (whole.replace(/^0+/, '').length > precision - scale)
    return `${label}过大：最多 ${precision - scale} 位整数（不超过 ${'9'.repeat(precision - scale).replace(/\B(?=(\d{3})+(?!\d))/g, ',')}${scale ? `.${'9'.repeat(scale)}` : ''} 元）`;
  return null;
}

/** An amount `amountRefusal` let through, as the column stores it ("+12." → "12"). */
export function normalAmount(raw: unknown): string {
  const text = String(raw).trim().replace(/^\+/, '');
  const [whole = '', fraction = ''] = text.split('.');
  return `${whole.replace(/^0+(?=\d)/, '') || '0'}${fraction ? `.${fraction}` : ''}`;
}
