import React, { useEffect, useState, type ComponentType } from 'react';
import { ApiClient, useCurrentAdmin, useTranslation, type ActionProps } from 'adminjs';
import { Box, Button } from '@adminjs/design-system';
import { useLocation, useNavigate } from 'react-router';
import type { Tone } from '../../db/record/field-types.js';
import ListPage from './list-page.js';
import { TONE_COLOURS } from './tone-palette.js';
import { groupedNumber, type TotalIs } from './total-words.js';

// Kept in step with panel/state-filters.ts STATE_COUNTS_ACTION (the bundle cannot import server code).
const STATE_COUNTS_ACTION = 'stateCounts';

/**
 * What a list remembers of its address: filters, sort and page (from the first or the last); anything else (refresh,
 * recordIds, the pager's cursors, 精确计数) is a moment's.
 */
const REMEMBERED = /^(filters\.|sortBy$|direction$|page$|fromEnd$|perPage$)/;

function remembered(search: string): string {
  const kept = new URLSearchParams();
  for (const [key, value] of new URLSearchParams(search)) if (REMEMBERED.test(key)) kept.append(key, value);
  return kept.toString();
}

// Per browser tab, per user: another user signing in at the same browser starts from a plain list.
const storageKey = (username: string, resourceId: string) => `jxcg.list.${username}.${resourceId}`;

function readStored(key: string): string {
  try {
    return window.sessionStorage.getItem(key) ?? '';
  } catch {
    return '';
  }
}

function writeStored(key: string, query: string): void {
  try {
    if (query) window.sessionStorage.setItem(key, query);
    else window.sessionStorage.removeItem(key);
  } catch {
    // A browser that keeps nothing still shows the list; it just does not remember it.
  }
}

type Props = ActionProps & { OriginalComponent?: ComponentType<ActionProps> };

/** The answer of the stateCounts action (panel/state-filters.ts StateCounts). */
interface StateCounts {
  counts: Record<string, number>;
  countIs?: Record<string, TotalIs>;
  total: number;
  totalIs: TotalIs;
}

/** The quick state filters: 全部 and one chip per state, each with its count under the list's other filters. */
const StateFilters: React.FC<{ resource: ActionProps['resource']; field: string }> = ({ resource, field }) => {
  const { translateLabel } = useTranslation();
  const location = useLocation();
  const navigate = useNavigate();
  const [counts, setCounts] = useState<StateCounts | null>(null);
  const property = resource.properties[field];
  const filterKey = `filters.${field}`;
  const chosen = new URLSearchParams(location.search).get(filterKey) ?? '';
  // Only the other filters (and 精确计数) change the counts: a new page or sort asks nothing again.
  const others = new URLSearchParams();
  for (const [key, value] of new URLSearchParams(location.search))
    if ((key.startsWith('filters.') && key !== filterKey) || key === 'exactCount') others.append(key, value);
  const othersQuery = others.toString();

  useEffect(() => {
    let stale = false;
    new ApiClient()
      .resourceAction({ resourceId: resource.id, actionName: STATE_COUNTS_ACTION, params: new URLSearchParams(othersQuery) })
      .then((response) => {
        if (!stale) setCounts(response.data as unknown as StateCounts);
      })
      .catch(() => {
        if (!stale) setCounts(null);
      });
    return () => {
      stale = true;
    };
  }, [resource.id, othersQuery]);

  const choose = (value: string) => {
    const search = new URLSearchParams(location.search);
    // Another state is another list: it starts at its first page, wherever the pager had got to.
    for (const name of ['page', 'fromEnd', 'after', 'before']) search.delete(name);
    if (value) search.set(filterKey, value);
    else search.delete(filterKey);
    navigate({ search: search.toString() });
  };

  const tones = (property?.custom as { tones?: Record<string, Tone> } | undefined)?.tones ?? {};
  const chips = [
    {
      value: '',
      label: translateLabel('stateFilterAll'),
      count: counts?.total,
      countIs: counts?.totalIs ?? 'exact',
      tone: undefined as Tone | undefined,
    },
    ...(property?.availableValues ?? []).map((option) => ({
      value: String(option.value),
      label: translateLabel(`${property!.propertyPath}.${option.value}`, resource.id, { defaultValue: option.label }),
      count: counts ? (counts.counts[String(option.value)] ?? 0) : undefined,
      countIs: counts?.countIs?.[String(option.value)] ?? ('exact' as TotalIs),
      tone: tones[String(option.value)],
    })),
  ];
  // Past the limit of exact counting a chip says what the list's total says: 约 N (an estimate) or 超过 N.
  const countText = (count: number | undefined, countIs: TotalIs) =>
    count === undefined
      ? '…'
      : countIs === 'exact'
        ? groupedNumber(count)
        : translateLabel(countIs === 'about' ? 'stateCountAbout' : 'stateCountMoreThan', undefined, { n: groupedNumber(count) });
  return (
    <Box flex flexWrap="wrap" style={{ gap: 8 }} role="group" aria-label={translateLabel('stateFilterGroup')} data-testid="state-filters">
      {chips.map((chip) => {
        const active = chip.value === chosen;
        const colours = TONE_COLOURS[chip.tone ?? 'neutral'];
        return (
          <button
            key={chip.value || '*'}
            type="button"
            data-testid="state-filter"
            data-value={chip.value}
            data-count={chip.count ?? ''}
            data-count-is={chip.countIs}
            aria-pressed={active}
            onClick={() => choose(chip.value)}
            style={{
              cursor: 'pointer',
              padding: '4px 12px',
              borderRadius: 14,
              fontSize: 13,
              lineHeight: '18px',
              whiteSpace: 'nowrap',
              border: `1px solid ${active ? colours.color : colours.border}`,
              background: active ? colours.background : '#fff',
              color: colours.color,
              fontWeight: active ? 600 : 400,
            }}
          >
            {chip.label}
            <span style={{ marginLeft: 4, opacity: 0.8 }}>({countText(chip.count, chip.countIs)})</span>
          </button>
        );
      })}
    </Box>
  );
};

/**
 * The list (ListPage) with what a supervisor scans it by: quick state filters above it, and the filters, sort and page
 * they set kept for when they come back from a record or another menu (a list opened with an address of its own,
 * from a link or a workbench card, shows that address instead), with 清除筛选 to start again.
 */
const RememberingList: React.FC<ActionProps> = (props) => {
  const { resource, action } = props;
  const { translateLabel } = useTranslation();
  const [currentAdmin] = useCurrentAdmin();
  const location = useLocation();
  const navigate = useNavigate();
  const key = storageKey(String(currentAdmin?.username ?? currentAdmin?.email ?? ''), resource.id);
  const [restoring, setRestoring] = useState(() => !remembered(location.search) && !!readStored(key));

  useEffect(() => {
    if (restoring) navigate({ search: readStored(key) }, { replace: true });
  }, []);

  useEffect(() => {
    if (restoring) {
      if (remembered(location.search)) setRestoring(false);
      return;
    }
    writeStored(key, remembered(location.search));
  }, [location.search, restoring]);

  // Not drawn until the remembered address is in place, so the list is not first read without its filters.
  if (restoring) return null;
  const stateField = (action.custom as { stateFilter?: string } | undefined)?.stateFilter;
  const filtered = [...new URLSearchParams(location.search).keys()].some((name) => name.startsWith('filters.'));
  return (
    <>
      {(stateField || filtered) && (
        <Box flex alignItems="center" justifyContent="space-between" mb="lg" style={{ gap: 16 }} data-testid="list-quick-bar">
          {stateField ? <StateFilters resource={resource} field={stateField} /> : <span />}
          {filtered && (
            <Button
              size="sm"
              variant="text"
              data-testid="clear-filters"
              onClick={() => {
                writeStored(key, '');
                navigate({ search: '' });
              }}
            >
              {translateLabel('clearFilters')}
            </Button>
          )}
        </Box>
      )}
      <ListPage {...props} />
    </>
  );
};

// A list of another resource is another list: what it remembers is read afresh. AdminJS's own list (the component
// this one overrides) gives way to ListPage, which keeps the whole of the list's answer.
const ListAction: React.FC<Props> = ({ OriginalComponent: _stock, ...props }) => <RememberingList key={props.resource.id} {...props} />;

export default ListAction;
