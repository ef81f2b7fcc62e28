import type { PropertyOptions } from 'adminjs';
import { METHOD_LABELS } from '../domain/procurement-methods.js';

/** Yuan shown as 1,499,136.20 everywhere: two decimals, grouped, whatever the engine returns for DECIMAL. */
export const MONEY: PropertyOptions = {
  type: 'currency',
  props: { decimalScale: 2, decimalSeparator: '.', groupSeparator: ',' },
};

/** Procurement methods are stored as codes (public_tender) and always shown and filtered by their Chinese names. */
export const PROCUREMENT_METHOD: PropertyOptions = {
  availableValues: Object.entries(METHOD_LABELS).map(([value, label]) => ({ value, label })),
};
