import { createReadStream } from 'node:fs';
import pg from 'pg';
import { loadConfig } from '../src/config.js';
import { openContext } from '../src/context.js';
import { ensureWorkspace } from '../src/app/workspaces.js';
import { importEvents } from '../src/ingest/import-events.js';
import { jsonlSource } from '../src/ingest/jsonl-source.js';
import type { IngestStore, IngestTx } from '../src/app/ports.js';
const [file, url] = process.argv.slice(2) as [string, string];
let dbUrl = url;
if (url === 'pg') {
  const admin = new pg.Client({ connectionString: 'postgres://postgres@127.0.0.1:5432/test' }); await admin.connect();
  await admin.query('DROP SCHEMA IF EXISTS tphase CASCADE'); await admin.query('CREATE SCHEMA tphase'); await admin.end();
  dbUrl = `postgres://postgres@127.0.0.1:5432/test?options=${encodeURIComponent('-c search_path=tphase')}`;
}
const ctx = await openContext({ ...loadConfig({}), DATABASE_URL: dbUrl });
const ws = await ensureWorkspace(ctx.repos.workspaces, { slug: 'bench', currency: 'EUR' }, Date.now());
const acc: Record<string, number> = {};
const wrap = (store: IngestStore): IngestStore => ({
  ingestTransaction: (w, fn) => {
    const t0 = performance.now();
    return store.ingestTransaction(w, (tx) => fn(new Proxy(tx, { get: (t, k) => { const f = (t as any)[k]; return async (...a: unknown[]) => { const s = performance.now(); try { return await f.apply(t, a); } finally { acc[k as string] = (acc[k as string] ?? 0) + performance.now() - s; } }; } }) as IngestTx)).finally(() => { acc.tx = (acc.tx ?? 0) + performance.now() - t0; });
  },
});
const t0 = performance.now();
const s = await importEvents(wrap(ctx.repos.ingest), ws, jsonlSource(createReadStream(file)), { file, rejectsPath: '/tmp/r.jsonl', batchSize: 10000, now: () => Date.now() });
console.log(s.accepted, Math.round(performance.now() - t0), Object.fromEntries(Object.entries(acc).map(([k, v]) => [k, Math.round(v)])));
await ctx.close();
