import { deadline } from '../../db/record/blocks.js';
import { attributesOf } from '../../db/record/record-model.js';

/** The columns a record that waits for a supervisor carries; refreshDeadlines keeps them current. */
export const DEADLINE_ATTRIBUTES = attributesOf(deadline());
