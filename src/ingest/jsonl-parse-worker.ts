/**
 * Worker thread of the JSONL source: parses and validates pieces of a file (whole lines, with the
 * number of the first one) so the main thread only stores. Same parser as the in-thread source.
 */
import { parentPort } from 'node:worker_threads';
import { parseEventLine } from './jsonl-source.js';
import type { SourceItem } from './source.js';

export interface ParseRequest { seq: number; text: string; firstLine: number }
export interface ParseResponse { seq: number; items: SourceItem[] }

parentPort?.on('message', ({ seq, text, firstLine }: ParseRequest) => {
  const items: SourceItem[] = [];
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    let line = lines[i] as string;
    if (line.endsWith('\r')) line = line.slice(0, -1);
    if (firstLine === 1 && i === 0) line = line.replace(/^\uFEFF/, '');
    if (line.trim() !== '') items.push(parseEventLine(line, firstLine + i));
  }
  parentPort?.postMessage({ seq, items } satisfies ParseResponse);
});
