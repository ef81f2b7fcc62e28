import type { Tone } from '../../db/record/field-types.js';

/**
 * The one palette of states, by meaning: a light ground with dark words of the same hue, so each reads at a glance
 * and its words keep a contrast above 7:1 (WCAG AAA) on their ground. The browser test checks badges against it.
 */
export const TONE_COLOURS: Record<Tone, { background: string; color: string; border: string }> = {
  pending: { background: '#fff3bf', color: '#7a4100', border: '#f08c00' },
  done: { background: '#d3f9d8', color: '#1b5e20', border: '#2f9e44' },
  refused: { background: '#ffe3e3', color: '#9b1c1c', border: '#e03131' },
  progress: { background: '#dbe4ff', color: '#1c3d9c', border: '#3b5bdb' },
  neutral: { background: '#f1f3f5', color: '#343a40', border: '#adb5bd' },
};
