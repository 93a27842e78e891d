/**
 * Kaggle "Customer Support on Twitter" (twcs.csv): customers' tweets to brands and the brands' replies.
 * Reply links are checked both ways over the whole file, so every tweet is held until the end:
 * `in_response_to_tweet_id` holds one id and is trusted; `response_tweet_id` lists several and a
 * spreadsheet can break them (`155,157` → `1,55,157`), so each listed id is checked against it.
 */
import { eventItem, recordToCsv } from '../csv-source.js';
import type { CsvMapping, CsvMapper, Problem, SourceItem } from '../source.js';
import { parseDateTime } from './mapping-file.js';

const COLUMNS = ['tweet_id', 'author_id', 'inbound', 'created_at', 'text', 'response_tweet_id', 'in_response_to_tweet_id'] as const;
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const TWITTER_DATE = /^(?:[A-Za-z]{3} )?([A-Za-z]{3}) (\d{1,2}) (\d{2}:\d{2}:\d{2}) ([+-]\d{2})(\d{2}) (\d{4})$/;
const TWEET_ID = /^\d+$/;

interface Tweet {
  id: string;
  author: string;
  inbound: boolean;
  occurredAt: string;
  text: string;
  responses: string[];
  inReplyTo: string | null;
  line: number;
  record: Record<string, string>;
  warnings: Problem[];
}

/** "Tue Oct 31 22:10:47 +0000 2017" → ISO-8601. */
export const parseTwitterDate = (text: string): string | null => {
  const m = TWITTER_DATE.exec(text.trim());
  if (!m) return null;
  const month = MONTHS.indexOf(m[1]!) + 1;
  if (month === 0) return null;
  const pad = (s: string | number) => String(s).padStart(2, '0');
  return parseDateTime(`${m[6]}-${pad(month)}-${pad(m[2]!)}T${m[3]}${m[4]}:${m[5]}`, 'iso');
};

/** The @names a tweet starts with ("@sprintcare @115712 hi" → both). */
const leadingMentions = (text: string): string[] =>
  [...(/^(?:\s*@\w+)+/.exec(text)?.[0].matchAll(/@(\w+)/g) ?? [])].map((m) => m[1]!);

/** twcs replaces customers' handles by numeric ids and keeps brands' names. */
const isCustomerId = (name: string): boolean => TWEET_ID.test(name);

/** The text as Twitter's API gave it is HTML-escaped (`&amp;`); the event carries it readable. */
const unescapeHtml = (text: string): string => text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');

const readTweet = (record: Record<string, string>, line: number, byId: ReadonlyMap<string, Tweet>): Tweet | Problem[] => {
  const get = (c: (typeof COLUMNS)[number]) => record[c]?.trim() ?? '';
  const problems: Problem[] = [];
  const warnings: Problem[] = [];
  const id = get('tweet_id');
  const inbound = get('inbound').toLowerCase();
  const occurredAt = parseTwitterDate(get('created_at'));
  if (!TWEET_ID.test(id)) problems.push({ field: 'tweet_id', reason: `expected a tweet id (digits), got "${id}"` });
  else if (byId.has(id)) problems.push({ field: 'tweet_id', reason: `tweet ${id} already appeared on line ${byId.get(id)?.line}` });
  if (get('author_id') === '') problems.push({ field: 'author_id', reason: 'no author' });
  if (inbound !== 'true' && inbound !== 'false') problems.push({ field: 'inbound', reason: `expected True or False, got "${get('inbound')}"` });
  if (occurredAt === null) {
    problems.push({ field: 'created_at', reason: `expected a date like Tue Oct 31 22:10:47 +0000 2017, got "${get('created_at')}"` });
  }
  if (problems.length > 0) return problems;

  const responses: string[] = [];
  for (const r of get('response_tweet_id').split(',').map((s) => s.trim()).filter(Boolean)) {
    if (TWEET_ID.test(r)) responses.push(r);
    else warnings.push({ field: 'response_tweet_id', reason: `"${r}" is not a tweet id; link dropped` });
  }
  let inReplyTo: string | null = get('in_response_to_tweet_id') || null;
  if (inReplyTo !== null && !TWEET_ID.test(inReplyTo)) {
    warnings.push({ field: 'in_response_to_tweet_id', reason: `"${inReplyTo}" is not a tweet id; link dropped` });
    inReplyTo = null;
  }
  return {
    id, author: get('author_id'), inbound: inbound === 'true', occurredAt: occurredAt as string, text: record.text ?? '',
    responses, inReplyTo, line, record, warnings,
  };
};

/** An inbound tweet is its author's; a brand reply belongs to the customer tweet it answers, else to
 * the customer id the text starts with. */
const customerOf = (t: Tweet, parent: Tweet | undefined): string | undefined => {
  if (t.inbound) return t.author;
  if (parent?.inbound) return parent.author;
  return leadingMentions(t.text).find(isCustomerId);
};

/** The brand a tweet is from or addressed to, when known. */
const brandOf = (t: Tweet, parent: Tweet | undefined): string | undefined => {
  if (!t.inbound) return t.author;
  for (const m of t.text.matchAll(/@(\w+)/g)) if (!isCustomerId(m[1]!)) return m[1];
  return parent !== undefined && !parent.inbound ? parent.author : undefined;
};

/** Keeps the listed responses that reply to the tweet, drops those that reply to another one, adds
 * those that reply to it without being listed. Ids not in the file cannot be checked and are kept;
 * in a damaged cell they are named in a warning, since they may be fragments of a split id. */
const checkResponses = (t: Tweet, byId: Map<string, Tweet>, repliers: string[]): { kept: string[]; warnings: Problem[] } => {
  const warnings: Problem[] = [];
  const kept: string[] = [];
  const damaged = t.responses.some((r) => { const target = byId.get(r); return target !== undefined && target.inReplyTo !== t.id; });
  for (const r of new Set(t.responses)) {
    const target = byId.get(r);
    if (target !== undefined && target.inReplyTo !== t.id) {
      const reason = `tweet ${r} does not reply to tweet ${t.id} (it replies to ${target.inReplyTo ?? 'no tweet'}); link dropped`;
      warnings.push({ field: 'response_tweet_id', reason });
      continue;
    }
    kept.push(r);
    if (target === undefined && damaged) {
      warnings.push({ field: 'response_tweet_id', reason: `tweet ${r} is not in the file, so this link of a damaged cell cannot be checked; kept` });
    }
  }
  for (const r of repliers) {
    if (kept.includes(r)) continue;
    kept.push(r);
    warnings.push({ field: 'response_tweet_id', reason: `tweet ${r} replies to tweet ${t.id} but is not listed; link restored` });
  }
  return { kept, warnings };
};

const createMapper = (): CsvMapper => {
  /** Every tweet read, in file order (a Map keeps insertion order). */
  const byId = new Map<string, Tweet>();

  const push = (record: Record<string, string>, line: number): SourceItem[] => {
    const tweet = readTweet(record, line, byId);
    if (Array.isArray(tweet)) return [{ line, ok: false, raw: recordToCsv(record), problems: tweet }];
    byId.set(tweet.id, tweet);
    return [];
  };

  const end = (): SourceItem[] => {
    const repliers = new Map<string, string[]>();
    for (const t of byId.values()) {
      if (t.inReplyTo === null || !byId.has(t.inReplyTo)) continue;
      const list = repliers.get(t.inReplyTo);
      if (list === undefined) repliers.set(t.inReplyTo, [t.id]);
      else list.push(t.id);
    }
    const roots = new Map<string, string>();
    /** The oldest tweet the conversation is known to have: walk up within the file, then one step out. */
    const threadOf = (start: Tweet): string => {
      const path: Tweet[] = [];
      const onPath = new Set<string>();
      let cur = start;
      let root: string;
      for (;;) {
        const known = roots.get(cur.id);
        if (known !== undefined) { root = known; break; }
        path.push(cur);
        onPath.add(cur.id);
        const parent = cur.inReplyTo === null ? undefined : byId.get(cur.inReplyTo);
        if (cur.inReplyTo === null || parent === undefined || onPath.has(parent.id)) { root = cur.inReplyTo ?? cur.id; break; }
        cur = parent;
      }
      for (const t of path) roots.set(t.id, root);
      return root;
    };

    const items: SourceItem[] = [];
    for (const t of byId.values()) {
      const { kept, warnings } = checkResponses(t, byId, repliers.get(t.id) ?? []);
      const parent = t.inReplyTo === null ? undefined : byId.get(t.inReplyTo);
      const customerId = customerOf(t, parent);
      if (customerId === undefined) {
        items.push({
          line: t.line, ok: false, raw: recordToCsv(t.record),
          problems: [{ field: 'in_response_to_tweet_id', reason: "no customer identity: a brand tweet that answers no customer tweet in the file and starts with no @customer id (a brand's own post?)" }],
        });
        continue;
      }
      const brand = brandOf(t, parent);
      items.push(eventItem(
        {
          source: 'twcs',
          source_id: t.id,
          kind: t.inbound ? 'mention' : 'comment',
          channel: 'x',
          direction: t.inbound ? 'in' : 'out',
          occurred_at: t.occurredAt,
          customer: { identities: [{ channel: 'x', id: customerId }] },
          text: unescapeHtml(t.text),
          in_reply_to: t.inReplyTo,
          thread_id: threadOf(t),
          meta: { author_id: t.author, ...(brand === undefined ? {} : { brand }), response_tweet_ids: kept },
        },
        JSON.stringify(t.record),
        t.line,
        [...t.warnings, ...warnings],
      ));
    }
    byId.clear();
    return items;
  };

  return { push, end };
};

export const twcsMapping: CsvMapping = {
  name: 'twcs',
  description: 'Kaggle "Customer Support on Twitter": customer tweets (mentions) and brand replies (comments) on X',
  requiredColumns: COLUMNS,
  createMapper,
};
