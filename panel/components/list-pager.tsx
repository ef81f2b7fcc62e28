import React from 'react';
import { Box, Button, Pagination, Text } from '@adminjs/design-system';
import { useTranslation } from 'adminjs';
import { useLocation, useNavigate } from 'react-router';
import type { ListMeta } from '../list-handler.js';
import { groupedNumber, TOTAL_WORDS } from './total-words.js';

/** The parts of a list's answer the pager reads. */
export type PagerMeta = Pick<
  ListMeta,
  'total' | 'totalIs' | 'perPage' | 'page' | 'fromEnd' | 'hasPrevious' | 'hasNext' | 'before' | 'after'
>;

/** What the pager writes into the list's address; the rest of it (filters, sort, page size) is kept. */
type Place = { page: number } | { fromEnd: number };

function addressOf(search: string, place: Place & { after?: string; before?: string }): string {
  const params = new URLSearchParams(search);
  for (const name of ['page', 'fromEnd', 'after', 'before', 'refresh']) params.delete(name);
  for (const [name, value] of Object.entries(place)) if (value !== undefined) params.set(name, String(value));
  return params.toString();
}

/**
 * The list's pager. A counted list keeps AdminJS's numbered pager. A list whose total is an estimate, a page counted
 * from the end or a page past the end gets first / previous / where it is / next / last instead, with the total as it
 * is known (约 1,234,567 条) and 精确计数. Either way the previous and next pages are read from the rows the server named
 * (`before`/`after`: keyset), and the last page of an uncounted list from the end (`fromEnd=1`), so no page needs an
 * OFFSET over the rows before it.
 */
const ListPager: React.FC<{ meta: PagerMeta; shown: number }> = ({ meta, shown }) => {
  const { translateLabel } = useTranslation();
  const location = useLocation();
  const navigate = useNavigate();
  const go = (place: Place & { after?: string; before?: string }) => navigate({ search: addressOf(location.search, place) });
  const { total, totalIs, perPage, page, fromEnd, hasPrevious, hasNext, before, after } = meta;
  const exactlyAsked = new URLSearchParams(location.search).get('exactCount') === 'true';

  const previous = () => (fromEnd ? go({ fromEnd: fromEnd + 1, before }) : go({ page: Math.max((page ?? 1) - 1, 1), before }));
  const next = () => (fromEnd ? (fromEnd > 1 ? go({ fromEnd: fromEnd - 1, after }) : undefined) : go({ page: (page ?? 1) + 1, after }));
  const pastEnd = shown === 0 && (hasPrevious || (fromEnd ?? page ?? 1) > 1);

  if (totalIs === 'exact' && !fromEnd && !pastEnd) {
    const current = page ?? 1;
    return (
      <Text mt="xl" textAlign="center" data-testid="list-pager">
        <Pagination
          page={current}
          perPage={perPage}
          total={total}
          onChange={(to) =>
            to === current + 1 ? go({ page: to, after }) : to === current - 1 ? go({ page: to, before }) : go({ page: to })
          }
        />
      </Text>
    );
  }

  const lastOfCounted = totalIs === 'exact' ? Math.max(Math.ceil(total / perPage), 1) : undefined;
  const where = pastEnd
    ? translateLabel('pagerPastEnd')
    : fromEnd
      ? translateLabel('pagerFromEnd', undefined, { page: fromEnd })
      : translateLabel('pagerPage', undefined, { page: page ?? 1 });
  const button = (testId: string, word: string, enabled: boolean, onClick: () => void) => (
    <Button size="sm" variant="text" data-testid={testId} disabled={!enabled} onClick={enabled ? onClick : undefined}>
      {translateLabel(word)}
    </Button>
  );
  return (
    <Box mt="xl" flex flexWrap="wrap" alignItems="center" justifyContent="center" style={{ gap: 8 }} data-testid="list-pager">
      {button('pager-first', 'pagerFirst', pastEnd || hasPrevious, () => go({ page: 1 }))}
      {button('pager-previous', 'pagerPrevious', !pastEnd && hasPrevious, previous)}
      <Text as="span" px="default" data-testid="pager-where">
        {where}
      </Text>
      {button('pager-next', 'pagerNext', !pastEnd && hasNext, next)}
      {button('pager-last', 'pagerLast', pastEnd || hasNext, () => (lastOfCounted ? go({ page: lastOfCounted }) : go({ fromEnd: 1 })))}
      <Text as="span" ml="lg" color="grey60" data-testid="list-total" data-total-is={totalIs}>
        {translateLabel(TOTAL_WORDS[totalIs], undefined, { n: groupedNumber(total) })}
      </Text>
      {totalIs !== 'exact' && !exactlyAsked && (
        <Button
          size="sm"
          variant="outlined"
          data-testid="exact-count"
          title={translateLabel('exactCountHint')}
          onClick={() => {
            const params = new URLSearchParams(location.search);
            params.set('exactCount', 'true');
            navigate({ search: params.toString() });
          }}
        >
          {translateLabel('exactCount')}
        </Button>
      )}
    </Box>
  );
};

export default ListPager;
