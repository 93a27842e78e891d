/**
 * The funnel page's choices, kept in the URL so the page can be linked and reloaded: the route
 * (`?route=ID`, else the workspace's first) and the period (a preset or a custom range). Picking a
 * route or a preset is a navigation (Back undoes it); the custom dates are typed into a draft that
 * reaches the URL once typing pauses and the range is valid, replacing the entry.
 */
import { useEffect, useRef, useState } from 'react';
import { navigate, useLocation } from '../../routing/history.js';
import { funnelPath } from '../../routing/routes.js';
import { useDebouncedValue } from '../common/useDebouncedValue.js';
import {
  dayOf, parsePeriod, parseRouteId, periodDays, periodParams, rangeProblem, type DayRange, type Period, type Preset,
} from './funnel-period.js';

export const CUSTOM_DEBOUNCE_MS = 400;

const keyOf = (r: DayRange): string => `${r.from}/${r.to}`;

export const useFunnelQuery = () => {
  const { search } = useLocation();
  const routeId = parseRouteId(search);
  const period = parsePeriod(search);
  const range = periodDays(period, dayOf(new Date()));
  const urlKey = keyOf(range);

  const [draft, setDraft] = useState<DayRange>(range);
  // The range this hook last wrote to (or read from) the URL: a change from elsewhere (Back) resets the draft.
  const written = useRef(urlKey);
  useEffect(() => {
    if (urlKey === written.current) return;
    written.current = urlKey;
    setDraft(range);
  }, [urlKey]);

  const settled = useDebouncedValue(draft, CUSTOM_DEBOUNCE_MS);
  useEffect(() => {
    if (period.kind !== 'custom' || rangeProblem(settled) !== null || keyOf(settled) === written.current) return;
    written.current = keyOf(settled);
    navigate(funnelPath({ route: routeId, from: settled.from, to: settled.to }), { replace: true });
  }, [settled]);

  const go = (next: { route?: number | null; period?: Period }) =>
    navigate(funnelPath({ route: next.route === undefined ? routeId : next.route, ...periodParams(next.period ?? period) }));

  return {
    routeId,
    period,
    /** The days shown and fetched (the URL's, not the draft's). */
    range,
    draft,
    draftProblem: period.kind === 'custom' ? rangeProblem(draft) : null,
    /** Valid custom dates are typed that differ from the ones shown: they are about to load. */
    pending: keyOf(draft) !== urlKey && rangeProblem(draft) === null,
    selectRoute: (id: number) => go({ route: id }),
    selectPreset: (days: Preset) => go({ period: { kind: 'preset', days } }),
    /** Custom dates, starting from the period shown. */
    selectCustom: () => go({ period: { kind: 'custom', ...range } }),
    setDraft: (next: Partial<DayRange>) => setDraft((d) => ({ ...d, ...next })),
  };
};

export type FunnelQuery = ReturnType<typeof useFunnelQuery>;
