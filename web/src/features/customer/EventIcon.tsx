/** The round icon beside a timeline event, coloured by the kind's group. */
import { kindLook } from './event-kinds.js';

export const EventIcon = ({ kind }: { kind: string }) => {
  const look = kindLook(kind);
  return (
    <span className={`event-icon event-icon--${look.group}`} aria-hidden="true">
      <svg viewBox="0 0 24 24" width="16" height="16" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round" focusable="false">
        {look.icon.map((d) => <path key={d} d={d} />)}
      </svg>
    </span>
  );
};
