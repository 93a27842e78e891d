/** Sets the tab title ("Customers · Pulse") while a page is shown. */
import { useEffect } from 'react';

export const useDocumentTitle = (title: string | null): void => {
  useEffect(() => {
    document.title = title === null || title === '' ? 'Pulse' : `${title} · Pulse`;
  }, [title]);
};
