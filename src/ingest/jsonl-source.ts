/** Pulse JSONL: one event per line (docs/events.md). Blank lines are skipped; bad lines are rejects. */
import type { Readable } from 'node:stream';
import { createInterface } from 'node:readline';
import { describeIssues, EventLineSchema, toPulseEvent } from '../app/event-input.js';
import type { EventSource, SourceItem } from './source.js';

const CHUNK = 1_000;

/** Parses one line of Pulse JSONL into an item. */
export const parseEventLine = (text: string, line: number): SourceItem => {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    return { line, ok: false, raw: text, problems: [{ field: '(line)', reason: `not JSON: ${(err as Error).message}` }] };
  }
  const parsed = EventLineSchema.safeParse(json);
  if (!parsed.success) return { line, ok: false, raw: text, problems: describeIssues(parsed.error) };
  return { line, ok: true, event: toPulseEvent(parsed.data, text), warnings: [] };
};

export async function* jsonlSource(input: Readable): EventSource {
  input.setEncoding('utf8');
  const lines = createInterface({ input, crlfDelay: Infinity });
  let chunk: SourceItem[] = [];
  let n = 0;
  for await (const text of lines) {
    n += 1;
    const trimmed = n === 1 ? text.replace(/^\uFEFF/, '') : text;
    if (trimmed.trim() === '') continue;
    chunk.push(parseEventLine(trimmed, n));
    if (chunk.length >= CHUNK) {
      yield chunk;
      chunk = [];
    }
  }
  if (chunk.length > 0) yield chunk;
}
