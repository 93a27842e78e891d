/** How records go over the wire: instants as ISO-8601 strings. */
import type { EventView, MergeView } from '../app/ports.js';

export const iso = (ms: number | null): string | null => (ms === null ? null : new Date(ms).toISOString());

export const eventJson = (e: EventView) => ({ ...e, occurredAt: iso(e.occurredAt) });

export const mergeJson = (m: MergeView) => ({ ...m, createdAt: iso(m.createdAt), undoneAt: iso(m.undoneAt) });
