/**
 * The import pipeline: reads a source in chunks, gathers valid events into batches, ingests each
 * batch in one transaction, and reports every rejected or repaired record (file, line, field,
 * reason) to a rejects file. Ctrl-C stores what was read and stops; a crash loses at most the batch
 * in flight, never half of one; and a rerun stores nothing twice (idempotency on source + source id).
 */
import { createWriteStream, type WriteStream } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import { ingestEvents, type IngestDeps } from '../app/ingest-events.js';
import type { Workspace } from '../app/ports.js';
import type { PulseEvent } from '../domain/event.js';
import type { EventSource, Problem } from './source.js';

export interface ImportSummary {
  file: string;
  accepted: number;
  duplicates: number;
  rejected: number;
  warnings: number;
  newCustomers: number;
  /** Customers merged because an event linked them (same verified email or phone). */
  merged: number;
  rejectsFile: string | null;
  interrupted: boolean;
  durationMs: number;
}

export interface ImportOptions {
  file: string;
  /** Where to write rejects and warnings (created only if there are some). */
  rejectsPath: string;
  batchSize: number;
  now: () => number;
  /** Called after each batch with the records read so far. */
  onProgress?: (records: number) => void;
  /** Set to stop after the batch in flight (Ctrl-C). */
  signal?: AbortSignal;
}

interface Report {
  type: 'reject' | 'warning';
  file: string;
  line: number;
  field: string;
  reason: string;
  raw?: string;
}

export const importEvents = async (
  deps: IngestDeps,
  workspace: Workspace,
  source: EventSource,
  opts: ImportOptions,
): Promise<ImportSummary> => {
  const started = opts.now();
  const summary: ImportSummary = {
    file: opts.file, accepted: 0, duplicates: 0, rejected: 0, warnings: 0, newCustomers: 0, merged: 0, rejectsFile: null,
    interrupted: false, durationMs: 0,
  };
  let out: WriteStream | null = null;
  const report = async (r: Report) => {
    if (out === null) {
      await mkdir(dirname(opts.rejectsPath), { recursive: true });
      out = createWriteStream(opts.rejectsPath, { encoding: 'utf8' });
      summary.rejectsFile = opts.rejectsPath;
    }
    if (r.type === 'warning') summary.warnings += 1;
    if (!out.write(`${JSON.stringify(r)}\n`)) await new Promise<void>((resolve) => out!.once('drain', () => resolve()));
  };

  let batch: PulseEvent[] = [];
  let lines: number[] = [];
  let records = 0;
  const flush = async () => {
    if (batch.length === 0) return;
    const result = await ingestEvents(deps, workspace, batch, opts.now());
    summary.merged += result.merges.length;
    summary.accepted += result.accepted;
    summary.duplicates += result.duplicates;
    summary.newCustomers += result.newCustomers;
    for (const w of result.warnings) await report({ type: 'warning', file: opts.file, line: lines[w.index] as number, field: w.field, reason: w.reason });
    batch = [];
    lines = [];
    opts.onProgress?.(records);
  };

  try {
    for await (const chunk of source) {
      for (const item of chunk) {
        records += 1;
        if (!item.ok) {
          summary.rejected += 1;
          for (const p of item.problems) await report({ type: 'reject', file: opts.file, line: item.line, field: p.field, reason: p.reason, raw: item.raw });
          continue;
        }
        for (const w of item.warnings as Problem[]) await report({ type: 'warning', file: opts.file, line: item.line, field: w.field, reason: w.reason });
        batch.push(item.event);
        lines.push(item.line);
        if (batch.length >= opts.batchSize) await flush();
      }
      if (opts.signal?.aborted) {
        summary.interrupted = true;
        break;
      }
    }
    await flush();
  } finally {
    const stream: WriteStream | null = out;
    if (stream !== null) await new Promise<void>((resolve) => (stream as WriteStream).end(resolve));
    summary.durationMs = opts.now() - started;
  }
  return summary;
};
