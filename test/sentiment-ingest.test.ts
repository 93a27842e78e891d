/** Texts are read as they are ingested, on both stores: each event keeps its language, sentiment and emotion, and the customer's sentiment facts follow. */
import { afterEach, describe, expect, it } from 'vitest';
import { systemAccess } from '../src/app/access.js';
import { EventLineSchema, toPulseEvent } from '../src/app/event-input.js';
import { viewCustomer } from '../src/app/get-customer.js';
import { ingestEvents } from '../src/app/ingest-events.js';
import { mergeCustomers, unmergeCustomers } from '../src/app/merge-customers.js';
import { DIALECTS, openTestContext, type TestContext } from './stores.js';

const line = (id: string, who: string, kind: string, at: string, text: string, extra: Record<string, unknown> = {}) => {
  const l = { source: 'test', source_id: id, kind, channel: 'instagram', occurred_at: at, text, customer: { identities: [{ channel: 'instagram', id: who }] }, ...extra };
  return toPulseEvent(EventLineSchema.parse(l), JSON.stringify(l));
};

describe.each(DIALECTS)('sentiment on ingestion on %s', (dialect) => {
  let ctx: TestContext;
  afterEach(async () => ctx?.close());

  it('scores every text, and the customer\'s sentiment facts follow, through merges too', async () => {
    ctx = await openTestContext(dialect);
    ctx.setNow(Date.parse('2026-06-01T12:00:00Z'));
    const happy = await ingestEvents(ctx.repos, ctx.workspace, [
      line('1', 'fan', 'comment', '2026-05-20T10:00:00Z', 'Fantastisk cykel, tusind tak! Jeg elsker den 😍'),
      line('2', 'fan', 'mention', '2026-05-25T10:00:00Z', 'Absolutely love my new bike from these guys, best purchase ever!'),
    ], ctx.now());
    const angry = await ingestEvents(ctx.repos, ctx.workspace, [
      line('3', 'angry', 'message', '2026-05-28T10:00:00Z', 'Non funziona, pessimo servizio, sono furioso 😡😡'),
    ], ctx.now());
    const fan = happy.touchedCustomers[0]!;
    const critic = angry.touchedCustomers[0]!;

    const f = await viewCustomer(ctx.repos, systemAccess(ctx.workspace), fan, { asOf: ctx.now(), events: 10 });
    expect(f.events.map((e) => [e.lang, e.sentiment])).toEqual([['en', 'positive'], ['da', 'positive']]);
    expect(f.events.every((e) => e.sentimentScore! > 0 && e.sentimentScore! <= 1)).toBe(true);
    expect(f.facts.positive_mentions_30d).toBe(2);
    expect(f.facts.sentiment_avg_30d).toBeGreaterThan(0);

    const c = await viewCustomer(ctx.repos, systemAccess(ctx.workspace), critic, { asOf: ctx.now(), events: 10 });
    expect(c.events.map((e) => [e.lang, e.sentiment, e.emotion])).toEqual([['it', 'negative', 'anger']]);
    expect(c.facts.sentiment_avg_30d).toBeLessThan(0);
    expect(c.facts.positive_mentions_30d).toBe(0);

    // A merge rebuilds the facts from the log: the scores come with it, and go back on undo.
    const merge = await mergeCustomers(ctx.repos, systemAccess(ctx.workspace, 'test'), { targetId: fan, mergedId: critic }, ctx.now());
    const merged = await viewCustomer(ctx.repos, systemAccess(ctx.workspace), fan, { asOf: ctx.now(), events: 0 });
    expect(merged.facts.sentiment_avg_30d).toBeCloseTo(f.events.concat(c.events).reduce((s, e) => s + e.sentimentScore!, 0) / 3, 2);
    await unmergeCustomers(ctx.repos, systemAccess(ctx.workspace, 'test'), { mergeId: merge.id }, ctx.now());
    expect((await viewCustomer(ctx.repos, systemAccess(ctx.workspace), fan, { asOf: ctx.now(), events: 0 })).facts.sentiment_avg_30d).toBe(f.facts.sentiment_avg_30d);
  });

  it('stores texts unscored when told not to score', async () => {
    ctx = await openTestContext(dialect);
    const r = await ingestEvents({ ...ctx.repos, scorer: null }, ctx.workspace, [line('1', 'x', 'comment', '2026-05-20T10:00:00Z', 'Great!')], ctx.now());
    const c = await viewCustomer(ctx.repos, systemAccess(ctx.workspace), r.touchedCustomers[0]!, { asOf: ctx.now(), events: 5 });
    expect(c.events[0]).toMatchObject({ sentiment: null, sentimentScore: null, emotion: null, lang: null });
    expect(c.facts.sentiment_avg_30d).toBeNull();
  });
});
