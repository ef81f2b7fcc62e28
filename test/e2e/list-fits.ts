import { expect } from '@jest/globals';
import type { Page } from 'playwright-core';

// What a list must look like at 1440×900, checked on a list already drawn: the page never scrolls sideways, a wide
// table scrolls in its own box with the first column and the row menu in view, and the state and 办理时限 columns
// stand inside the box before any scroll. The walks over every list (page-walk.test.ts) use them.

interface Layout {
  content: [number, number];
  document: [number, number];
  box: { left: number; right: number } | null;
  wide: boolean;
  options: { left: number; right: number } | null;
  first: { left: number; position: string } | null;
}

/** Widths of the page, the content area (header included) and where the first column and the row menu sit. */
const layout = (page: Page): Promise<Layout> =>
  page.evaluate(() => {
    const content = document.querySelector<HTMLElement>('[data-css="app-content"]')!;
    const root = document.scrollingElement!;
    const box = document.querySelector<HTMLElement>('[data-testid="list-table-scroll"]');
    const row = box?.querySelector('tbody tr[data-id]');
    const options = row?.querySelector('td.options');
    const first = row?.children[1] as HTMLElement | undefined;
    const rect = (el: Element | null | undefined) =>
      el ? { left: el.getBoundingClientRect().left, right: el.getBoundingClientRect().right } : null;
    return {
      content: [content.scrollWidth, content.clientWidth],
      document: [root.scrollWidth, root.clientWidth],
      box: rect(box),
      wide: !!box && box.scrollWidth > box.clientWidth,
      options: rect(options),
      first: first ? { left: first.getBoundingClientRect().left, position: getComputedStyle(first).position } : null,
    };
  });

/**
 * What a supervisor reads a list by, its state (the quick filters' field) and 办理时限, stands inside the table's box
 * before any sideways scroll.
 */
export async function expectKeyColumnsInView(page: Page, resourceId: string): Promise<void> {
  const seen = await page.evaluate((id) => {
    const resource = (
      window as unknown as {
        REDUX_STATE: { resources: Array<{ id: string; resourceActions: Array<{ name: string; custom?: { stateFilter?: string } }> }> };
      }
    ).REDUX_STATE.resources.find((r) => r.id === id)!;
    const state = resource.resourceActions.find((a) => a.name === 'list')?.custom?.stateFilter;
    const box = document.querySelector('[data-testid="list-table-scroll"]')!;
    const right = box.getBoundingClientRect().right;
    return [state, 'deadline']
      .filter((field): field is string => !!field)
      .map((field) => {
        const cell = box.querySelector(`th[data-property-name="${field}"], td[data-property-name="${field}"]`);
        return [field, cell ? cell.getBoundingClientRect().right <= right + 1 : 'absent'] as const;
      })
      .filter(([, inView]) => inView !== 'absent');
  }, resourceId);
  expect([resourceId, seen.filter(([, inView]) => !inView)]).toEqual([resourceId, []]);
}

export async function expectListFits(page: Page, resourceId: string): Promise<boolean> {
  const before = await layout(page);
  const where = `${resourceId}: ${JSON.stringify(before)}`;
  expect([where, before.content[0] <= before.content[1]]).toEqual([where, true]);
  expect([where, before.document[0] <= before.document[1]]).toEqual([where, true]);
  if (!before.options || !before.first || !before.box) return false;
  // The row menu is on screen and inside the table's box, however wide the table; the first column stays put.
  expect([where, before.options.right <= Math.min(before.box.right, 1440) + 1 && before.options.left >= before.box.left]).toEqual([
    where,
    true,
  ]);
  expect([where, before.first.position]).toEqual([where, 'sticky']);
  if (!before.wide) return false;
  await page.getByTestId('list-table-scroll').evaluate((box) => (box.scrollLeft = box.scrollWidth));
  const after = await layout(page);
  expect([where, Math.abs(after.first!.left - before.first.left) <= 1, after.options!.right <= before.box.right + 1]).toEqual([
    where,
    true,
    true,
  ]);
  expect([where, after.content[0] <= after.content[1]]).toEqual([where, true]);
  return true;
}
