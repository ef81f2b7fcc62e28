import React from 'react';
import { useTranslation, type TranslateFunction } from 'adminjs';
import { Box, FormGroup, FormMessage, Label, Text, TextArea } from '@adminjs/design-system';

/** How the server measures a reason (actions/supervisory-action.ts validateReason trims it first). */
export const reasonLength = (reason: string): number => reason.trim().length;

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
  onChange: (value: string) => void;
}> = ({ mode, max, value, rows = 4, onChange }) => {
  const { translateLabel } = useTranslation();
  const tooLong = reasonTooLong(value, max, translateLabel);
  return (
    <FormGroup error={!!tooLong}>
      <Label required={mode === 'required'}>{translateLabel(mode === 'required' ? 'reasonRequiredLabel' : 'reasonOptionalLabel')}</Label>
      <TextArea
        width="100%"
        rows={rows}
        value={value}
        name="reason"
        aria-invalid={!!tooLong}
        onChange={(e: React.ChangeEvent<HTMLTextAreaElement>) => onChange(e.target.value)}
      />
      <Box flex justifyContent="space-between" style={{ gap: 16 }}>
        <FormMessage data-testid="reason-error">{tooLong ?? ''}</FormMessage>
        <Text
          as="span"
          variant="sm"
          color={tooLong ? 'error' : 'grey60'}
          style={{ whiteSpace: 'nowrap' }}
          title={translateLabel('reasonLimit', { max })}
          data-testid="reason-counter"
        >
          {reasonLength(value)}/{max}
        </Text>
      </Box>
    </FormGroup>
  );
};

export default ReasonField;
