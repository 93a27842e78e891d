import { createReadStream } from 'node:fs';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { csvSource } from '../csv-source.js';
import type { SourceItem } from '../source.js';
import { parseTwitterDate, twcsMapping } from './twcs.js';

const data = (name: string) => new URL(`../../../../shared/fixtures/data/${name}`, import.meta.url);
const HEADER = 'tweet_id,author_id,inbound,created_at,text,response_tweet_id,in_response_to_tweet_id';

const collect = async (input: Readable): Promise<SourceItem[]> => {
  const items: SourceItem[] = [];
  for await (const chunk of csvSource(twcsMapping)(input)) items.push(...chunk);
  return items;
};
const tweet = (items: SourceItem[], id: string) => {
  const item = items.find((i) => i.ok && i.event.sourceId === id);
  if (item === undefined || !item.ok) throw new Error(`no event for tweet ${id}`);
  return item;
};

describe('twcs mapping over the spreadsheet-damaged file (121 tweets)', async () => {
  const items = await collect(createReadStream(data('twcs_head121_excel_mangled.csv')));

  it('warns on exactly the six rows whose response_tweet_id a spreadsheet split, at their lines', () => {
    const warned = items.flatMap((i) => (i.ok && i.warnings.length > 0 ? [[i.event.sourceId, i.line]] : []));
    expect(warned).toEqual([['156', 95], ['172', 110], ['180', 117], ['185', 121], ['188', 123], ['194', 131]]);
    for (const i of items) if (i.ok) for (const w of i.warnings) expect(w.field).toBe('response_tweet_id');
  });

  it('drops the links that do not reply back and restores the ones that do', () => {
    // 156 lists "1,55,157" (was "155,157"); tweet 1 replies to 3, tweet 55 to 56, tweet 155 to 156.
    const t156 = tweet(items, '156');
    expect(t156.warnings.map((w) => w.reason)).toEqual([
      'tweet 1 does not reply to tweet 156 (it replies to 3); link dropped',
      'tweet 55 does not reply to tweet 156 (it replies to 56); link dropped',
      'tweet 157 is not in the file, so this link of a damaged cell cannot be checked; kept',
      'tweet 155 replies to tweet 156 but is not listed; link restored',
    ]);
    expect(t156.event.meta?.response_tweet_ids).toEqual(['157', '155']);
    // 194 lists "19,51,96,197" (was "195,196,197").
    expect(tweet(items, '194').event.meta?.response_tweet_ids).toEqual(['96', '197', '195', '196']);
    // The tweets those cells point at keep their own links untouched.
    expect(tweet(items, '155').event.inReplyTo).toBe('156');
    expect(tweet(items, '155').warnings).toEqual([]);
  });

  it('keeps every tweet: 120 events, and one reject for the brand post that answers no customer', () => {
    expect(items.filter((i) => i.ok)).toHaveLength(120);
    expect(items.filter((i) => !i.ok)).toEqual([{
      line: 90, ok: false, raw: expect.stringMatching(/^81,ChipotleTweets,FALSE,/),
      problems: [{ field: 'in_response_to_tweet_id', reason: expect.stringMatching(/^no customer identity/) }],
    }]);
  });

  it('reads multi-line quoted texts and numbers the rows after them right', () => {
    expect(tweet(items, '34').event.text).toContain('\n');
    expect(tweet(items, '34').line).toBe(30);
    expect(tweet(items, '197').line).toBe(140);
  });

  it('threads a conversation to its first tweet in the file', () => {
    // 2 → 1 → 3 → 4 → 5 → 6 → 8, and 8 answers nothing.
    expect(tweet(items, '2').event.threadId).toBe('8');
    expect(tweet(items, '8').event.threadId).toBe('8');
  });
});

describe('twcs mapping over the clean Kaggle sample (93 tweets)', async () => {
  const items = await collect(createReadStream(data('twcs_kaggle_sample.csv')));

  it('emits 93 events with no warning and no reject', () => {
    expect(items).toHaveLength(93);
    expect(items.filter((i) => !i.ok || i.warnings.length > 0)).toEqual([]);
  });

  it('makes inbound tweets mentions by their author, with the brand they address', () => {
    const { event } = tweet(items, '119237');
    expect(event).toMatchObject({
      source: 'twcs', kind: 'mention', channel: 'x', direction: 'in', occurredAt: Date.UTC(2017, 9, 11, 6, 55, 44),
      customer: { identities: [{ kind: 'x', externalId: '105834', handle: null, verified: true }] },
      inReplyTo: null, threadId: '119237',
    });
    expect(event.meta).toEqual({ author_id: '105834', brand: 'AppleSupport', response_tweet_ids: ['119236'] });
  });

  it.each([
    // ChaseSupport answers 119239, an inbound tweet of 105835 in the file.
    ['119238', '105835', 'ChaseSupport'],
    // VirginTrains answers 119247, which is not in the file: the customer is the leading @105836.
    ['119246', '105836', 'VirginTrains'],
    ['119245', '105836', 'VirginTrains'],
  ])('attaches brand reply %s to customer %s', (id, customer, brand) => {
    const { event } = tweet(items, id);
    expect(event).toMatchObject({ kind: 'comment', direction: 'out', customer: { identities: [{ kind: 'x', externalId: customer }] } });
    expect(event.meta).toMatchObject({ author_id: brand, brand });
  });

  it('threads through tweets outside the file to the oldest id it knows', () => {
    // 119242 → 119246 → 119247 (not in the file).
    expect(tweet(items, '119242').event.threadId).toBe('119247');
    expect(tweet(items, '119246').event.threadId).toBe('119247');
  });

  it('unescapes the HTML entities of the tweet text but keeps the raw row', () => {
    const { event } = tweet(items, '119242');
    expect(event.text).toContain('I still haven\'t heard & the number');
    expect(event.raw).toContain('&amp;');
  });
});

describe('twcs rows', () => {
  it('rejects rows it cannot read, and an outbound tweet with no customer', async () => {
    const items = await collect(Readable.from([[
      HEADER,
      'x1,115712,TRUE,Tue Oct 31 22:11:45 +0000 2017,hi,,',
      '2,115712,maybe,Tue Oct 31 22:11:45 +0000 2017,hi,,',
      '3,115712,TRUE,31/10/2017,hi,,',
      '4,sprintcare,FALSE,Tue Oct 31 22:11:45 +0000 2017,@sprintcare hello,,99',
      '4,115712,TRUE,Tue Oct 31 22:11:45 +0000 2017,again,,',
    ].join('\r\n')]));
    expect(items.map((i) => (i.ok ? i.line : [i.line, i.problems.map((p) => p.field)]))).toEqual([
      [2, ['tweet_id']], [3, ['inbound']], [4, ['created_at']], [6, ['tweet_id']], [5, ['in_response_to_tweet_id']],
    ]);
  });

  it.each([
    ['Tue Oct 31 22:10:47 +0000 2017', '2017-10-31T22:10:47.000Z'],
    ['Wed Oct 11 06:55:44 +0200 2017', '2017-10-11T04:55:44.000Z'],
    ['Tue Foo 31 22:10:47 +0000 2017', null],
    ['2017-10-31 22:10:47', null],
  ])('parses %j as %j', (text, iso) => {
    expect(parseTwitterDate(text)).toBe(iso);
  });
});
