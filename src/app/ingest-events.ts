/**
 * Ingests one batch of parsed events in one transaction: drops duplicates (idempotency on
 * workspace + source + source id), resolves identities, folds the new events into their customers'
 * facts and writes it all at once. Every transport (import, API, webhooks, demo) calls this.
 * When an event links identities of customers already stored apart (a verified link: the same
 * email or phone, a login), they are merged right after the batch commits, recorded and undoable.
 */
import { applyEvent, emptyState, orderSetOf, type CustomerState } from '../domain/customer-state.js';
import type { PulseEvent } from '../domain/event.js';
import { lookupsFor, resolveIdentities, type CustomerId } from '../domain/identity-resolution.js';
import { normaliseHandle } from '../domain/identity.js';
import { convertAmount } from '../domain/money.js';
import { epochDay } from '../domain/time.js';
import { compileStoredRoutes, stageFactPlan, trackStages } from './advance-stages.js';
import { factsAsOf } from '../domain/facts.js';
import { stageChanged, type EventBus } from './domain-events.js';
import { linkCustomers } from './merge-customers.js';
import { scoreText } from './score-text.js';
import type { CustomerStore, CustomerWrite, IngestStore, MergeStore, MergeView, NewEventRow, StoredCustomer, TextScorer, TransitionRow, Workspace } from './ports.js';

export type Outcome = 'accepted' | 'duplicate';

export interface IngestWarning {
  /** Index of the event in the batch. */
  index: number;
  field: string;
  reason: string;
}

export interface BatchResult {
  outcomes: Outcome[];
  accepted: number;
  duplicates: number;
  newCustomers: number;
  warnings: IngestWarning[];
  /** Customers whose facts changed (roots, after merges), for whoever reacts to changes. */
  touchedCustomers: number[];
  /** Merges made because an event linked customers stored apart. */
  merges: MergeView[];
  /** Stage changes this batch caused (customer.stage_changed). */
  transitions: TransitionRow[];
}

export interface IngestDeps {
  ingest: IngestStore;
  customers: CustomerStore;
  merges: MergeStore;
  /** Where customer.stage_changed goes once the batch is committed. */
  bus?: EventBus;
  /** Reads each text's language, sentiment and emotion (Pulse's model by default; null: not at all). */
  scorer?: TextScorer | null;
}

const eventKey = (e: PulseEvent): string => `${e.source}\u0000${e.sourceId}`;

export const ingestEvents = async (
  deps: IngestDeps,
  workspace: Workspace,
  events: readonly PulseEvent[],
  now: number,
): Promise<BatchResult> => {
  const outcomes: Outcome[] = events.map(() => 'duplicate');
  const warnings: IngestWarning[] = [];

  // Within the batch, the first delivery of a source event wins.
  const firstOf = new Map<string, number>();
  const fresh: number[] = [];
  events.forEach((e, i) => {
    const key = eventKey(e);
    if (firstOf.has(key)) return;
    firstOf.set(key, i);
    fresh.push(i);
  });
  const batch = fresh.map((i) => events[i] as PulseEvent);
  // Texts are scored before the transaction: it is CPU work that needs no lock.
  const scorer = deps.scorer === undefined ? scoreText : deps.scorer;
  const scores = batch.map((e) => (scorer !== null && e.text !== null && e.text.trim() !== '' ? scorer(e.text, e.lang) : null));

  const result = await deps.ingest.ingestTransaction(workspace.id, async (tx) => {
    // The store may run this again (PostgreSQL retries a deadlocked batch): start clean.
    outcomes.fill('duplicate');
    warnings.length = 0;
    const known = await tx.findIdentities(lookupsFor(batch));
    const resolution = resolveIdentities(batch, known);

    const realIds = await tx.allocateCustomerIds(resolution.newCustomers.length);
    const idOf = new Map<CustomerId, number>(resolution.newCustomers.map((c, i) => [c.id, realIds[i] as number]));
    const real = (id: CustomerId): number => (id > 0 ? id : (idOf.get(id) as number));

    const unconverted: number[] = [];
    const rows: NewEventRow[] = batch.map((e, j) => {
      let amountWs: number | null = null;
      if (e.amount !== null && e.currency !== null) {
        const conv = convertAmount(e.amount, e.currency, workspace.currency, workspace.rates);
        if (conv.ok) amountWs = conv.amount;
        else unconverted.push(j);
      }
      return {
        customerId: real(resolution.owners[j] as number), source: e.source, sourceId: e.sourceId, kind: e.kind,
        channel: e.channel, direction: e.direction, occurredAt: e.occurredAt, text: e.text, lang: e.lang ?? scores[j]?.lang ?? null,
        sentiment: scores[j]?.sentiment ?? null, sentimentScore: scores[j]?.score ?? null, emotion: scores[j]?.emotion ?? null,
        amount: e.amount, currency: e.currency, amountWs, orderId: e.orderId, threadId: e.threadId,
        inReplyTo: e.inReplyTo, meta: e.meta === null ? null : JSON.stringify(e.meta), raw: e.raw, ingestedAt: now,
      };
    });
    const eventIds = await tx.insertEvents(rows);
    const kept = rows.map((_, j) => j).filter((j) => eventIds[j] !== null);
    for (const j of kept) outcomes[fresh[j] as number] = 'accepted';
    for (const j of unconverted) {
      if (eventIds[j] === null) continue;
      const e = batch[j] as PulseEvent;
      warnings.push({ index: fresh[j] as number, field: 'currency', reason: `no exchange rate from ${e.currency} to ${workspace.currency}; the amount is kept on the event but not counted in spend` });
    }

    // Customers and identities are stored only if an event that is stored names them.
    const keptSet = new Set(kept);
    const usedOwners = new Set(kept.map((j) => resolution.owners[j] as number));
    const newCustomers = resolution.newCustomers.filter((c) => usedOwners.has(c.id));
    const newIdentities = resolution.newIdentities.filter((n) => n.namedBy.some((j) => keptSet.has(j)));

    // Facts go to the root of each owner (the customer it is merged into, if any).
    const loaded = await loadWithRoots(tx.loadCustomers.bind(tx), [...usedOwners].filter((id) => id > 0));
    const rootOf = (owner: CustomerId): number => {
      if (owner < 0) return real(owner);
      let c = loaded.get(owner) as StoredCustomer;
      while (c.mergedInto !== null) c = loaded.get(c.mergedInto) as StoredCustomer;
      return c.id;
    };
    const states = new Map<number, { state: CustomerState; orders: Set<string> }>();
    const stateOf = (id: number) => {
      let entry = states.get(id);
      if (entry === undefined) {
        const state = loaded.get(id)?.state ?? emptyState();
        entry = { state, orders: orderSetOf(state) };
        states.set(id, entry);
      }
      return entry;
    };
    // Fold each customer's new events in time order; the stage is evaluated after each day of
    // them (as of its last event), so a batch holding months of history keeps every move.
    const routes = compileStoredRoutes(await tx.routes());
    const plan = stageFactPlan(routes);
    const byRoot = new Map<number, number[]>();
    for (const j of kept) {
      const root = rootOf(resolution.owners[j] as number);
      const list = byRoot.get(root);
      if (list === undefined) byRoot.set(root, [j]);
      else list.push(j);
    }
    const dayEvents = new Map<number, Map<number, number[]>>();
    const stages = await trackStages(tx, routes, [...byRoot.keys()].filter((id) => id > 0), 'event');
    for (const [root, js] of byRoot) {
      js.sort((a, b) => (batch[a] as PulseEvent).occurredAt - (batch[b] as PulseEvent).occurredAt || (eventIds[a] as number) - (eventIds[b] as number));
      const entry = stateOf(root);
      // Events older than what the customer had already done fold in, but are not a moment to
      // evaluate: their stage then was decided when they happened.
      const floor = entry.state.lastAt ?? Number.NEGATIVE_INFINITY;
      let evaluated = false;
      const days = dayEvents.get(root) ?? new Map<number, number[]>();
      dayEvents.set(root, days);
      js.forEach((j, k) => {
        const e = batch[j] as PulseEvent;
        const row = rows[j] as NewEventRow;
        const day = applyEvent(entry.state, {
          kind: e.kind, direction: e.direction, occurredAt: e.occurredAt, amount: row.amountWs,
          orderKey: e.orderId ?? `${e.source}:${e.sourceId}`, followers: typeof e.meta?.followers === 'number' ? e.meta.followers : null,
          sentiment: scores[j] == null ? null : { score: scores[j].score, label: scores[j].sentiment },
        }, entry.orders);
        const ids = days.get(day);
        if (ids === undefined) days.set(day, [eventIds[j] as number]);
        else ids.push(eventIds[j] as number);
        const next = js[k + 1] === undefined ? null : (batch[js[k + 1] as number] as PulseEvent);
        const endOfDay = next === null || epochDay(next.occurredAt) !== day;
        if (routes.length > 0 && endOfDay && e.occurredAt >= floor) {
          stages.at(root, factsAsOf(entry.state, e.occurredAt, plan), e.occurredAt, eventIds[j] as number);
          evaluated = true;
        }
      });
      if (!evaluated && routes.length > 0) {
        stages.at(root, factsAsOf(entry.state, entry.state.lastAt ?? now, plan), entry.state.lastAt ?? now, eventIds[js[js.length - 1] as number] as number);
      }
    }

    // Contact fields the batch's stored events gave, per customer: the first name, email and phone.
    // A name given by the customer replaces a label made up from a handle or an id; never a given one.
    const contacts = new Map<number, { name: string | null; email: string | null; phone: string | null }>();
    for (const j of kept) {
      const e = batch[j] as PulseEvent;
      const root = rootOf(resolution.owners[j] as number);
      const c = contacts.get(root) ?? { name: null, email: null, phone: null };
      c.name ??= e.customer.name;
      for (const i of e.customer.identities) {
        if (i.kind === 'email') c.email ??= i.externalId;
        if (i.kind === 'phone') c.phone ??= i.externalId;
      }
      contacts.set(root, c);
    }
    const contactOf = (id: number) => contacts.get(id) ?? { name: null, email: null, phone: null };
    const inserts: CustomerWrite[] = newCustomers.map((c) => {
      const id = real(c.id);
      const given = contactOf(id);
      return {
        id, displayName: given.name ?? c.name, nameGiven: given.name !== null, email: given.email, phone: given.phone,
        state: stateOf(id).state, dayEvents: dayEvents.get(id) ?? new Map(), now,
      };
    });
    const updates: CustomerWrite[] = [];
    for (const [id, entry] of states) {
      const stored = loaded.get(id);
      if (stored === undefined) continue;
      const given = contactOf(id);
      const rename = !stored.nameGiven && given.name !== null;
      updates.push({
        id, displayName: rename ? given.name : stored.displayName, nameGiven: stored.nameGiven || rename,
        email: stored.email ?? given.email, phone: stored.phone ?? given.phone,
        state: entry.state, dayEvents: dayEvents.get(id) ?? new Map(), now,
      });
    }
    const transitions = await stages.finish(now);

    await tx.insertCustomers(inserts);
    await tx.updateCustomers(updates);
    await tx.insertIdentities(newIdentities.map((n) => ({
      customerId: real(n.owner), kind: n.identity.kind, externalId: n.identity.externalId, handle: n.identity.handle,
      handleKey: n.identity.handle === null ? null : normaliseHandle(n.identity.handle), verified: n.identity.verified,
      linkSource: n.linkSource, confidence: n.confidence, createdAt: now,
    })));

    const links = resolution.links.filter((l) => keptSet.has(l.index)).map((l) => ({ ...l, customers: l.customers.map(real) }));
    return {
      outcomes, accepted: kept.length, duplicates: events.length - kept.length, newCustomers: inserts.length,
      warnings, touchedCustomers: [...states.keys()], links, transitions,
    };
  });

  for (const t of result.transitions) deps.bus?.publish(stageChanged(workspace.id, t));
  const merges: MergeView[] = [];
  for (const link of result.links) {
    const source = link.via === 'email' ? 'email_match' : link.via === 'phone' ? 'phone_match' : 'event';
    merges.push(...(await linkCustomers(deps, workspace.id, link.customers, {
      linkSource: source, confidence: source === 'event' ? 1 : 0.9, actor: 'pulse',
      reason: `event ${events[fresh[link.index] as number]?.source}/${events[fresh[link.index] as number]?.sourceId} named identities of both (${link.via})`,
    }, now)));
  }
  const { links: _links, ...rest } = result;
  return { ...rest, merges };
};

/** Loads customers and, following merged_into, the customers they are merged into. */
const loadWithRoots = async (
  load: (ids: number[]) => Promise<Map<number, StoredCustomer>>,
  ids: number[],
): Promise<Map<number, StoredCustomer>> => {
  const all = new Map<number, StoredCustomer>();
  let pending = ids;
  while (pending.length > 0) {
    const got = await load(pending);
    for (const [id, c] of got) all.set(id, c);
    pending = [...new Set([...got.values()].map((c) => c.mergedInto).filter((m): m is number => m !== null && !all.has(m)))];
  }
  return all;
};
