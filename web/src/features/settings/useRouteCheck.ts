/**
 * Live validation for the route editor: the route as typed is sent to the server's check once it
 * has been still for CHECK_DELAY_MS; a newer text aborts the older request. Until the answer for
 * the current text arrives, `checking` is true (and the last answer's problems stay on screen).
 */
import { useEffect, useState } from 'react';
import { api } from '../../api/client.js';
import type { RouteCheck, RouteDefinition, RouteProblem } from '../../api/types.js';
import { useDebouncedValue } from '../common/useDebouncedValue.js';

export const CHECK_DELAY_MS = 300;

export interface RouteCheckState {
  checking: boolean;
  /** The current text was checked and has no problem. */
  ok: boolean;
  problems: readonly RouteProblem[];
  /** The route the problems are about (their positions point into its rules). */
  checked: RouteDefinition | null;
  error: Error | null;
}

interface Answer {
  text: string;
  check: RouteCheck | null;
  error: Error | null;
}

export const useRouteCheck = (slug: string, def: RouteDefinition): RouteCheckState => {
  const text = JSON.stringify(def);
  const settled = useDebouncedValue(text, CHECK_DELAY_MS);
  const [answer, setAnswer] = useState<Answer | null>(null);
  const [lastCheck, setLastCheck] = useState<{ text: string; check: RouteCheck } | null>(null);

  useEffect(() => {
    const ctrl = new AbortController();
    api.checkRoute(slug, JSON.parse(settled) as RouteDefinition, ctrl.signal).then(
      (check) => {
        setAnswer({ text: settled, check, error: null });
        setLastCheck({ text: settled, check });
      },
      (err: unknown) => {
        if (ctrl.signal.aborted) return;
        setAnswer({ text: settled, check: null, error: err instanceof Error ? err : new Error(String(err)) });
      },
    );
    return () => ctrl.abort();
  }, [slug, settled]);

  const fresh = answer !== null && answer.text === text;
  return {
    checking: !fresh,
    ok: fresh && answer.check?.ok === true,
    problems: lastCheck?.check.problems ?? [],
    checked: lastCheck === null ? null : (JSON.parse(lastCheck.text) as RouteDefinition),
    error: fresh ? answer.error : null,
  };
};
