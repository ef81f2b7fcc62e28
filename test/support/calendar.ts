import { loadDeadlineRules } from '../../settings/deadline-rules.js';

/** The national calendar as shipped in config/deadlines.yaml, for tests of working-day arithmetic. */
export const CN_CALENDAR = loadDeadlineRules().calendar;
