/**
 * The shared state of one generation run: every planned line with its instant, and the community
 * posts and ideas that later votes and replies point at.
 */
import type { EventLineInput } from '../app/event-input.js';
import type { Lang } from './people.js';
import type { Rhythm } from './rhythm.js';

/** A line with its instant, kept apart so the whole output can be sorted by time. */
export interface Planned {
  t: number;
  seq: number;
  line: EventLineInput;
  /** Set when a pending event found nothing to point at: it is left out. */
  dropped?: boolean;
}

/** Something others can answer later: a community post or an idea. */
export interface PoolItem {
  threadId: string;
  sourceId: string;
  t: number;
  weight: number;
  lang: Lang;
}

/** Everything the journals of all customers share. */
export class World {
  readonly out: Planned[] = [];
  readonly ideas: PoolItem[] = [];
  readonly posts: PoolItem[] = [];
  /** Votes and community replies whose target is chosen once every journal is written. */
  readonly pending: { planned: Planned; to: 'idea' | 'post'; voter: string }[] = [];
  private seq = 0;
  constructor(readonly rhythm: Rhythm, readonly from: number, readonly now: number, readonly crisisAt: number) {}
  nextSeq(): number {
    return this.seq++;
  }
}
