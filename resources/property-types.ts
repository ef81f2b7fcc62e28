import type { PropertyOptions } from 'adminjs';

/** Yuan shown as 1,499,136.20 everywhere: two decimals, grouped, whatever the engine returns for DECIMAL. */
export const MONEY: PropertyOptions = {
  type: 'currency',
  props: { decimalScale: 2, decimalSeparator: '.', groupSeparator: ',' },
};
