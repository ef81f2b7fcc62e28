import React, { useEffect, useLayoutEffect, useRef, type ComponentType } from 'react';
import type { RecordsTableProps } from 'adminjs';

/** A cell cut by its column's width says its whole text on hover; one shown whole needs no tooltip. */
function titleIfCut(cell: HTMLElement): void {
  const text = cell.innerText.trim();
  if (text && cell.scrollWidth > cell.clientWidth + 1) cell.title = text;
  else cell.removeAttribute('title');
}

/**
 * AdminJS's records table in a box of its own that scrolls sideways when the columns are wider than the page, so the
 * page and its header stay put; panel.css keeps the first column and the row menu in view while it scrolls.
 */
const RecordsTable: React.FC<RecordsTableProps & { OriginalComponent?: ComponentType<RecordsTableProps> }> = ({
  OriginalComponent,
  ...props
}) => {
  const box = useRef<HTMLDivElement>(null);
  useLayoutEffect(() => {
    box.current?.querySelectorAll<HTMLElement>('td[data-property-name]').forEach(titleIfCut);
  });
  // Only a table wider than its box scrolls: a box that scrolls also cuts what drops out of it, the row menus.
  useEffect(() => {
    const element = box.current;
    if (!element) return undefined;
    const measure = () => {
      const table = element.querySelector('table');
      element.toggleAttribute('data-wide', !!table && table.offsetWidth > element.clientWidth);
    };
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    const table = element.querySelector('table');
    if (table) observer.observe(table);
    measure();
    return () => observer.disconnect();
  }, [props.records]);
  if (!OriginalComponent) return null;
  return (
    <div
      ref={box}
      className="jx-table-scroll"
      data-testid="list-table-scroll"
      // Widths can change after drawing (fonts, a narrower window): each cell is checked again when pointed at.
      onMouseOver={(event) => {
        const cell = (event.target as HTMLElement).closest<HTMLElement>('td[data-property-name]');
        if (cell) titleIfCut(cell);
      }}
    >
      <OriginalComponent {...props} />
    </div>
  );
};

export default RecordsTable;
