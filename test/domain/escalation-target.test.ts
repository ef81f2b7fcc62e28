import { describe, expect, it } from '@jest/globals';
import { decidingRegion, escalationTarget, type DecisionStep } from '../../domain/escalation-target.js';

describe('decidingRegion: the office that must act', () => {
  it.each<[string, DecisionStep, string, string | undefined, string | null]>([
    ['a county unit: the county', 'unitReview', '360121', undefined, '360121'],
    ['a city payment: the city', 'paymentReview', '360100', undefined, '360100'],
    ['a county method change: its city (art. 27)', 'methodChangeApproval', '360121', undefined, '360100'],
    ['a city import request: the city', 'importProductApproval', '360100', undefined, '360100'],
    ['a county expert: its city', 'expertReview', '360121', undefined, '360100'],
    ['a county specialty at the city step: its city', 'specialtyReview', '360121', 'city_review', '360100'],
    ['a county specialty at the province step: the province', 'specialtyReview', '360121', 'province_review', '360000'],
    ['a specialty at 省公管办: 360000', 'specialtyReview', '360102', 'gongguanban_review', '360000'],
    ['not a Jiangxi code', 'unitReview', 'bogus', undefined, null],
  ])('%s', (_what, step, region, state, office) => {
    expect(decidingRegion(step, region, state)).toBe(office);
  });
});

describe('escalationTarget: the office above the one that must act', () => {
  it.each<[string, DecisionStep, string, string | undefined, string | null]>([
    ['a county unit review → its city', 'unitReview', '360121', undefined, '360100'],
    ['a county pre-award anomaly → its city', 'preAwardConfirmation', '360121', undefined, '360100'],
    ['a city payment → the province', 'paymentReview', '360700', undefined, '360000'],
    ['a county method change, decided by its city → the province, never that city', 'methodChangeApproval', '360121', undefined, '360000'],
    ['a county import request → the province', 'importProductApproval', '360102', undefined, '360000'],
    ['a city method change → the province', 'methodChangeApproval', '360100', undefined, '360000'],
    ['a county expert registration, reviewed by the city → the province', 'expertReview', '360121', undefined, '360000'],
    ['a specialty at its city step → the province', 'specialtyReview', '360121', 'city_review', '360000'],
    ['a specialty at the province step → nobody', 'specialtyReview', '360121', 'province_review', null],
    ['a specialty at 省公管办 → nobody', 'specialtyReview', '360000', 'gongguanban_review', null],
    ['a 省本级 unit → nobody', 'unitReview', '360000', undefined, null],
    ['a 省本级 method change → nobody', 'methodChangeApproval', '360000', undefined, null],
    ['not a Jiangxi code → nobody', 'paymentReview', '110000', undefined, null],
  ])('%s', (_what, step, region, state, target) => {
    expect(escalationTarget(step, region, state)).toBe(target);
  });
});
