/**
 * Things that happened, for whoever listens: the in-process bus the outbound webhooks will subscribe
 * to. Published after the transaction that made them commits. (The stage_transitions table is the
 * durable record; the bus is for live reactions.)
 */
import type { TransitionRow } from './ports.js';

export interface StageChanged extends TransitionRow {
  type: 'customer.stage_changed';
  workspaceId: number;
}

export type DomainEvent = StageChanged;

export interface EventBus {
  publish(event: DomainEvent): void;
  subscribe(listener: (event: DomainEvent) => void): () => void;
}

/** A synchronous in-process bus; a listener that throws does not stop the others. */
export const createEventBus = (onListenerError: (err: unknown) => void = () => undefined): EventBus => {
  const listeners = new Set<(event: DomainEvent) => void>();
  return {
    publish(event) {
      for (const listener of listeners) {
        try {
          listener(event);
        } catch (err) {
          onListenerError(err);
        }
      }
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
};

export const stageChanged = (workspaceId: number, t: TransitionRow): StageChanged => ({ type: 'customer.stage_changed', workspaceId, ...t });
