/**
 * Pulse JSONL parsed on a worker thread: the main thread cuts the stream into pieces of whole lines
 * and stores what comes back, in order, while the worker parses and validates the next pieces.
 * On two cores this takes parsing (about half of an import's work) off the storing thread.
 */
import type { Readable } from 'node:stream';
import { Worker } from 'node:worker_threads';
import type { ParseRequest, ParseResponse } from './jsonl-parse-worker.js';
import type { EventSource, SourceItem } from './source.js';

const PIECE_BYTES = 1 << 20;
const IN_FLIGHT = 3;

const startWorker = (): Worker => {
  const fromSource = import.meta.url.endsWith('.ts');
  const url = new URL(`./jsonl-parse-worker.${fromSource ? 'ts' : 'js'}`, import.meta.url);
  if (!fromSource) return new Worker(url);
  // Run from TypeScript sources (tests, benchmarks), the worker registers tsx's loader first.
  const boot = `import('tsx/esm/api').then((m) => { m.register(); return import(${JSON.stringify(url.href)}); })`;
  return new Worker(boot, { eval: true });
};

/** Splits a text stream into pieces that end on a line break, numbering each piece's first line. */
async function* pieces(input: Readable): AsyncGenerator<{ text: string; firstLine: number }> {
  input.setEncoding('utf8');
  let carry = '';
  let line = 1;
  let pending: string[] = [];
  let size = 0;
  const cut = function* (final: boolean) {
    const text = carry + pending.join('');
    pending = [];
    size = 0;
    const end = final ? text.length : text.lastIndexOf('\n');
    if (end < 0) {
      carry = text;
      return;
    }
    const piece = final ? text : text.slice(0, end);
    carry = final ? '' : text.slice(end + 1);
    if (piece.length > 0) yield { text: piece, firstLine: line };
    for (let i = piece.indexOf('\n'); i >= 0; i = piece.indexOf('\n', i + 1)) line += 1;
    if (!final) line += 1;
  };
  for await (const chunk of input) {
    pending.push(chunk as string);
    size += (chunk as string).length;
    if (size >= PIECE_BYTES) yield* cut(false);
  }
  yield* cut(true);
}

export async function* jsonlParallelSource(input: Readable): EventSource {
  const worker = startWorker();
  const waiting = new Map<number, (items: SourceItem[]) => void>();
  const results = new Map<number, SourceItem[]>();
  let failure: Error | null = null;
  worker.on('message', ({ seq, items }: ParseResponse) => {
    const resolve = waiting.get(seq);
    if (resolve) {
      waiting.delete(seq);
      resolve(items);
    } else results.set(seq, items);
  });
  worker.on('error', (err) => {
    failure = err;
    for (const resolve of waiting.values()) resolve([]);
  });
  const result = (seq: number): Promise<SourceItem[]> => {
    const ready = results.get(seq);
    if (ready) {
      results.delete(seq);
      return Promise.resolve(ready);
    }
    return new Promise((resolve) => waiting.set(seq, resolve));
  };

  let sent = 0;
  let received = 0;
  try {
    for await (const piece of pieces(input)) {
      worker.postMessage({ seq: sent++, ...piece } satisfies ParseRequest);
      while (sent - received >= IN_FLIGHT) {
        const items = await result(received++);
        if (failure) throw failure;
        yield items;
      }
    }
    while (received < sent) {
      const items = await result(received++);
      if (failure) throw failure;
      yield items;
    }
  } finally {
    await worker.terminate();
  }
}
