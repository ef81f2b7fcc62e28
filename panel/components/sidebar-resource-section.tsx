import React, { useLayoutEffect, useRef } from 'react';
import { Navigation } from '@adminjs/design-system';
import { useNavigationResources, useTranslation, type ResourceJSON } from 'adminjs';

/**
 * AdminJS's sidebar with one change: the group of the page being shown is open. AdminJS opens only the groups a user
 * clicked open in this browser (use-navigation-resources.ts keeps them in localStorage), so a page reached by a full
 * load, a bookmark or a workbench card sat in a closed group and the user could not see where in the menus it is.
 * A group is opened when the user arrives in it; one they close again stays closed until they go to another group.
 */
const SidebarResourceSection: React.FC<{ resources: ResourceJSON[] }> = ({ resources }) => {
  const elements = useNavigationResources(resources);
  const { translateLabel } = useTranslation();
  // AdminJS marks the entry of the current page (its list and every page below it) as selected.
  const current = elements.find((group) => group.elements?.some((entry) => entry.isSelected));
  const arrivedIn = useRef<string | undefined>(undefined);

  // Before the first paint, so a full page load never shows the group closed.
  useLayoutEffect(() => {
    if (!current || arrivedIn.current === current.label) return;
    arrivedIn.current = current.label;
    // The group's own click handler is AdminJS's toggle, which also stores the group as open.
    if (!current.isOpen) (current.onClick as () => void)();
  }, [current]);

  return <Navigation label={translateLabel('navigation')} elements={elements} />;
};

export default SidebarResourceSection;
