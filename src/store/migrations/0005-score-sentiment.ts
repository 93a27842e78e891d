/**
 * Sentiment: each event keeps the sentiment, score and emotion of its text, and each day bucket of a
 * customer's state gains three slots before the kind counts (sum of scores, texts scored, positive
 * public mentions; see domain/customer-state.ts), so stored buckets are rewritten in place.
 */
import { sql, type Kysely } from 'kysely';
import { isPostgres } from '../dialect.js';

const PAGE = 5_000;

/** Rewrites every stored day bucket with `change`, page by page in key order. */
const rewriteBuckets = async (db: Kysely<any>, change: (bucket: number[]) => number[] | null): Promise<void> => {
  let after: [number, number] | null = null;
  for (;;) {
    const from: [number, number] | null = after;
    const { rows }: { rows: { customer_id: number; day: number; bucket: string }[] } = await sql<{ customer_id: number; day: number; bucket: string }>`
      SELECT customer_id, day, bucket FROM customer_days
      ${from === null ? sql`` : sql`WHERE customer_id > ${from[0]} OR (customer_id = ${from[0]} AND day > ${from[1]})`}
      ORDER BY customer_id, day LIMIT ${PAGE}`.execute(db);
    for (const r of rows) {
      const next = change(JSON.parse(r.bucket) as number[]);
      if (next !== null) await sql`UPDATE customer_days SET bucket = ${JSON.stringify(next)} WHERE customer_id = ${r.customer_id} AND day = ${r.day}`.execute(db);
    }
    if (rows.length < PAGE) return;
    const last: { customer_id: number; day: number } = rows[rows.length - 1]!;
    after = [Number(last.customer_id), Number(last.day)];
  }
};

export async function up(db: Kysely<any>): Promise<void> {
  const real = isPostgres(db) ? 'double precision' : 'real';
  await db.schema.alterTable('events').addColumn('sentiment', 'text').execute();
  await db.schema.alterTable('events').addColumn('sentiment_score', real).execute();
  await db.schema.alterTable('events').addColumn('emotion', 'text').execute();
  // [day, events, interactions, spend, ...kinds] → [day, events, interactions, spend, 0, 0, 0, ...kinds]
  await rewriteBuckets(db, (b) => (b.length > 4 ? [...b.slice(0, 4), 0, 0, 0, ...b.slice(4)] : null));
}

export async function down(db: Kysely<any>): Promise<void> {
  await rewriteBuckets(db, (b) => (b.length > 4 ? [...b.slice(0, 4), ...b.slice(7)] : null));
  await db.schema.alterTable('events').dropColumn('emotion').execute();
  await db.schema.alterTable('events').dropColumn('sentiment_score').execute();
  await db.schema.alterTable('events').dropColumn('sentiment').execute();
}
