import React from 'react';
import { Select, SelectAsync } from '@adminjs/design-system';
import { useTranslation } from 'adminjs';

/** One of the drop-downs' own words, from the locale of the page (labels.selectPlaceholder, …). */
const SelectWord: React.FC<{ name: string }> = ({ name }) => {
  const { translateLabel } = useTranslation();
  return <>{translateLabel(name)}</>;
};

/**
 * Every drop-down of the panel is react-select inside the design system's Select or SelectAsync, and none of
 * AdminJS's filters and fields passes react-select its words, so it said 'Select...', 'No options' and 'Loading...'.
 * The two components hand their unknown props to react-select, so defaults given to them here reach every drop-down
 * (AdminJS's and ours: one design system object in the page); a drop-down that names its own words keeps them.
 */
const words = {
  placeholder: <SelectWord name="selectPlaceholder" />,
  noOptionsMessage: () => <SelectWord name="selectNoOptions" />,
  loadingMessage: () => <SelectWord name="loading" />,
};
for (const component of [Select, SelectAsync] as Array<{ defaultProps?: object }>) {
  component.defaultProps = { ...component.defaultProps, ...words };
}

export default SelectWord;
