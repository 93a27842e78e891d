/** An anchor that navigates inside the app; modified clicks (new tab, etc.) keep the browser's way. */
import type { AnchorHTMLAttributes, MouseEvent } from 'react';
import { navigate } from './history.js';

export interface LinkProps extends Omit<AnchorHTMLAttributes<HTMLAnchorElement>, 'href'> {
  to: string;
}

export const Link = ({ to, onClick, ...rest }: LinkProps) => {
  const handle = (e: MouseEvent<HTMLAnchorElement>) => {
    onClick?.(e);
    if (e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
    if (rest.target !== undefined && rest.target !== '_self') return;
    e.preventDefault();
    navigate(to);
  };
  return <a href={to} onClick={handle} {...rest} />;
};
