/**
 * The search box's text, kept in the URL (`?q=`) once typing pauses, so a search can be shared,
 * reloaded and undone with Back. Going Back puts the URL's query back into the box.
 */
import { useEffect, useRef, useState } from 'react';
import { navigate, useLocation } from '../../routing/history.js';
import { customersPath } from '../../routing/routes.js';
import { useDebouncedValue } from '../common/useDebouncedValue.js';

export const SEARCH_DEBOUNCE_MS = 300;

export const useSearchQuery = () => {
  const { search } = useLocation();
  const urlQ = search.get('q') ?? '';
  const page = Math.max(1, Math.floor(Number(search.get('page') ?? '1')) || 1);
  const [text, setText] = useState(urlQ);
  const settled = useDebouncedValue(text.trim(), SEARCH_DEBOUNCE_MS);
  // The query this hook last wrote to the URL: a URL change from elsewhere (Back) is not one of ours.
  const written = useRef(urlQ);

  useEffect(() => {
    if (urlQ !== written.current) {
      written.current = urlQ;
      setText(urlQ);
    }
  }, [urlQ]);

  // Runs when the typed text settles, never because the URL changed (that would undo a Back).
  useEffect(() => {
    if (settled === written.current) return;
    const refining = written.current !== '' && settled !== '';
    written.current = settled;
    // A new search starts on page 1; refining one replaces it, so Back does not step through keystrokes.
    navigate(customersPath({ q: settled }), { replace: refining });
  }, [settled]);

  const goToPage = (p: number) => navigate(customersPath({ q: urlQ, page: p }));

  return { text, setText, q: urlQ, page, goToPage, pending: settled !== text.trim() || settled !== urlQ };
};
