import React, { type ComponentType } from 'react';
import type { ActionHeaderProps } from 'adminjs';
import TitledActionHeader from './titled-action-header.js';

// Kept in step with panel/export-action.ts EXPORT_ACTION (the bundle cannot import server code).
const LIST_ONLY = new Set(['exportXlsx']);

/**
 * AdminJS puts every resource action in the header of every page of the resource. 导出Excel exports the list as it
 * is filtered and sorted, so it belongs on the list alone: on a record's page it would export the whole list.
 * Every page outside a drawer is headed by what it shows (titled-action-header.tsx).
 */
const ActionHeader: React.FC<ActionHeaderProps & { OriginalComponent?: ComponentType<ActionHeaderProps> }> = ({
  OriginalComponent,
  ...props
}) => {
  if (!OriginalComponent) return null;
  const Header = props.action.showInDrawer ? OriginalComponent : TitledActionHeader;
  if (props.action.name === 'list') return <Header {...props} />;
  const resource = { ...props.resource, resourceActions: props.resource.resourceActions.filter((a) => !LIST_ONLY.has(a.name)) };
  return <Header {...props} resource={resource} />;
};

export default ActionHeader;
