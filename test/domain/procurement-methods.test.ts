import { describe, expect, it } from '@jest/globals';
import {
  METHOD_LABELS,
  PROCUREMENT_METHODS,
  isAgreementType,
  isProcurementMethod,
  isTenderType,
} from '../../domain/procurement-methods.js';

describe('procurement methods', () => {
  it.each([
    ['public_tender', '公开招标', 'tender'],
    ['invited_tender', '邀请招标', 'tender'],
    ['competitive_negotiation', '竞争性谈判', 'tender'],
    ['competitive_consultation', '竞争性磋商', 'tender'],
    ['inquiry', '询价', 'tender'],
    ['single_source', '单一来源', 'tender'],
    ['agreement', '协议采购', 'agreement'],
    ['new_agreement', '新协议采购', 'agreement'],
    ['designated', '定点采购', 'agreement'],
    ['batch', '批量采购', 'agreement'],
  ] as const)('%s is %s, %s-type', (code, label, group) => {
    expect(PROCUREMENT_METHODS).toContain(code);
    expect(METHOD_LABELS[code]).toBe(label);
    expect(isTenderType(code)).toBe(group === 'tender');
    expect(isAgreementType(code)).toBe(group === 'agreement');
  });

  it('lists exactly ten methods, tender types first', () => {
    expect(PROCUREMENT_METHODS).toEqual([
      'public_tender',
      'invited_tender',
      'competitive_negotiation',
      'competitive_consultation',
      'inquiry',
      'single_source',
      'agreement',
      'new_agreement',
      'designated',
      'batch',
    ]);
    expect(Object.keys(METHOD_LABELS).sort()).toEqual([...PROCUREMENT_METHODS].sort());
  });

  it.each(['', 'PUBLIC_TENDER', 'framework', 'toString'])('%j belongs to no group', (code) => {
    expect(isTenderType(code)).toBe(false);
    expect(isAgreementType(code)).toBe(false);
    expect(isProcurementMethod(code)).toBe(false);
  });

  it('labels cannot be changed at run time', () => {
    expect(Object.isFrozen(METHOD_LABELS)).toBe(true);
  });
});
