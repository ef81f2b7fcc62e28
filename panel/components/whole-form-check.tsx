import React from 'react';

/**
 * AdminJS marks required fields `required`, so the browser's own check stopped a form at its first empty field, one
 * bubble at a time and in the browser's language. Every form is sent to the server instead, which answers for all its
 * fields at once, each under its field, in Chinese (issue #26). A click on a submit button (Enter in a field clicks it
 * too) comes before that check, so the form is told not to make it.
 */
if (typeof document !== 'undefined') {
  document.addEventListener(
    'click',
    (event) => {
      const button = (event.target as Element | null)?.closest?.('button');
      if (button && button.type === 'submit' && button.form) button.form.noValidate = true;
    },
    true,
  );
}

/** Rendered by no resource: bundled for the listener above. */
const WholeFormCheck: React.FC = () => null;

export default WholeFormCheck;
