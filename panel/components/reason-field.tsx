import React from 'react';
import { useTranslation, type TranslateFunction } from 'adminjs';
import { FormGroup, Label, TextArea } from '@adminjs/design-system';
import { textLength } from '../../domain/text-length.js';
import LengthCounter from './length-counter.js';

/** How the server measures a reason (actions/supervisory-action.ts validateReason), as every limited text. */
export const reasonLength = textLength;

/** The refusal the server gives a reason of this length, or null; the form says it before sending. */
export function reasonTooLong(reason: string, max: number, translateLabel: TranslateFunction): string | null {
  const length = reasonLength(reason);
  return length > max ? translateLabel('reasonTooLong', { max, length }) : null;
}

/**
 * A reason box that shows its limit and how much of it is used (「23/500」) and never cuts what was typed or pasted: a
 * longer text stays as it is, marked, and is refused with the count, so nothing the user wrote is lost unseen.
 */
const ReasonField: React.FC<{
  mode: 'required' | 'optional';
  max: number;
  value: string;
  rows?: number;
  /** What the box holds where it is more than a reason (质询内容, 处理措施). */
  label?: string;
  onChange: (value: string) => void;
}> = ({ mode, max, value, rows = 4, label, onChange }) => {
  const { translateLabel } = useTranslation();
  const tooLong = reasonTooLong(value, max, translateLabel);
  return (
    <FormGroup error={!!tooLong}>
      <Label required={mode === 'required'}>
        {label
          ? `${label}（${mode === 'required' ? '必填' : '选填'}）`
          : translateLabel(mode === 'required' ? 'reasonRequiredLabel' : 'reasonOptionalLabel')}
      </Label>
      <TextArea
        width="100%"
        rows={rows}
        value={value}
        name="reason"
        aria-invalid={!!tooLong}
        onChange={(e: React.ChangeEvent<HTMLTextAreaElement>) => onChange(e.target.value)}
      />
      <LengthCounter message={tooLong} length={reasonLength(value)} max={max} testId="reason" />
    </FormGroup>
  );
};

export default ReasonField;
