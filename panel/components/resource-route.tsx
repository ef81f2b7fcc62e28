import React, { type ComponentType } from 'react';
import { useResource } from 'adminjs';
import { useParams } from 'react-router';
import { ErrorPanel } from './error-panel.js';

/**
 * AdminJS's resource and resource-action routes, with our page for a resource or action that does not exist (a
 * mistyped /admin/resources/… address) instead of AdminJS's planet naming the id.
 */
const ResourceRoute: React.FC<{ OriginalComponent?: ComponentType }> = ({ OriginalComponent }) => {
  const { resourceId = '', actionName } = useParams();
  const resource = useResource(resourceId);
  if (!resource) return <ErrorPanel kind="notFound" />;
  if (actionName && !resource.resourceActions.some((a) => a.name === actionName)) {
    return <ErrorPanel kind="notFound" resourceId={resource.id} resourceName={resource.name} />;
  }
  return OriginalComponent ? <OriginalComponent /> : null;
};

export default ResourceRoute;
