import React, { type ComponentType } from 'react';
import { useResource } from 'adminjs';
import { useParams } from 'react-router';
import { ErrorPanel } from './error-panel.js';

/** AdminJS's bulk-action route, with our page for a resource or bulk action that does not exist instead of its planet. */
const BulkActionRoute: React.FC<{ OriginalComponent?: ComponentType }> = ({ OriginalComponent }) => {
  const { resourceId = '', actionName = '' } = useParams();
  const resource = useResource(resourceId);
  if (!resource) return <ErrorPanel kind="notFound" />;
  if (!resource.actions.some((a) => a.name === actionName && a.actionType === 'bulk')) {
    return <ErrorPanel kind="notFound" resourceId={resource.id} resourceName={resource.name} />;
  }
  return OriginalComponent ? <OriginalComponent /> : null;
};

export default BulkActionRoute;
