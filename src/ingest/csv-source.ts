/**
 * CSV import: csv-parse reads the stream, a mapping (src/ingest/mappings/) turns records into items.
 * The header is checked against the mapping before any row is read. Line numbers are the line a
 * record starts on, counted from the bytes themselves: csv-parse's own `info.lines` counts a CRLF
 * inside a quoted field twice, and the twcs files have both.
 */
import { pipeline, Transform, type Readable } from 'node:stream';
import { parse, type CsvError } from 'csv-parse';
import { describeIssues, EventLineSchema, toPulseEvent, type EventLineInput } from '../app/event-input.js';
import { AppError } from '../domain/errors.js';
import type { CsvMapping, EventSource, EventSourceFactory, Problem, SourceItem } from './source.js';

const CHUNK = 1_000;
/** A reject keeps at most this much of its row (an unclosed quote can swallow the rest of a file). */
const MAX_RAW = 10_000;
const NEWLINE = 0x0a;

/** Reads a CSV stream with a mapping; yields items in chunks of about 1,000. */
export const csvSource = (mapping: CsvMapping): EventSourceFactory => (input) => readCsv(input, mapping);

/** Validates an event line like every other source does and wraps it as an item. */
export const eventItem = (input: EventLineInput, raw: string, line: number, warnings: Problem[] = []): SourceItem => {
  const parsed = EventLineSchema.safeParse(input);
  if (!parsed.success) return { line, ok: false, raw, problems: describeIssues(parsed.error) };
  return { line, ok: true, event: toPulseEvent(parsed.data, raw), warnings };
};

/** A record written back as one CSV row: the `raw` of rejects a mapper emits after the row has gone. */
export const recordToCsv = (record: Record<string, string>): string =>
  Object.values(record).map((v) => (/[",\r\n]/.test(v) ? `"${v.replaceAll('"', '""')}"` : v)).join(',');

const countNewlines = (bytes: Buffer): number => {
  let n = 0;
  for (let i = bytes.indexOf(NEWLINE); i !== -1; i = bytes.indexOf(NEWLINE, i + 1)) n += 1;
  return n;
};

const capRaw = (text: string): string =>
  text.length <= MAX_RAW ? text : `${text.slice(0, MAX_RAW)}… (${text.length - MAX_RAW} more characters)`;

/** Holds the bytes csv-parse has read but we have not consumed yet, to cut each record's exact text. */
class ByteSlicer {
  private buf: Buffer = Buffer.alloc(0);
  private base = 0;
  private line = 1;

  append(chunk: Buffer): void {
    this.buf = this.buf.length === 0 ? chunk : Buffer.concat([this.buf, chunk]);
  }

  /** The text from the last cut up to file offset `end`, and the line it starts on. */
  take(end: number): { text: string; line: number } {
    const bytes = this.buf.subarray(0, end - this.base);
    const line = this.line;
    this.line += countNewlines(bytes);
    this.buf = this.buf.subarray(bytes.length);
    this.base += bytes.length;
    return { text: bytes.toString('utf8'), line };
  }

  rest(): { text: string; line: number } {
    return this.take(this.base + this.buf.length);
  }
}

interface CutRecord {
  /** Line the record starts on. */
  line: number;
  /** The record's own text, without its line break. */
  text: string;
  /** Lines before the record that csv-parse did not emit: blank lines, or a skipped broken record. */
  before: { line: number; text: string } | null;
}

/** Splits the text since the previous record into what precedes the record and the record itself:
 * the record spans as many lines as its fields hold line breaks, plus one. */
const cutRecord = (slice: { text: string; line: number }, fields: string[]): CutRecord => {
  const body = slice.text.replace(/^\uFEFF/, '').replace(/\r?\n$/, '');
  let inner = 0;
  for (const f of fields) for (let i = f.indexOf('\n'); i !== -1; i = f.indexOf('\n', i + 1)) inner += 1;
  const lines = body.split('\n');
  const extra = lines.length - (inner + 1);
  if (extra <= 0) return { line: slice.line, text: body, before: null };
  return {
    line: slice.line + extra,
    text: lines.slice(extra).join('\n'),
    before: { line: slice.line, text: lines.slice(0, extra).join('\n') },
  };
};

/** A skipped text starts at its first non-blank line. */
const skippedReject = (text: string, line: number, err: CsvError | undefined): SourceItem => {
  const lines = text.replace(/\r?\n$/, '').split('\n');
  const blank = lines.findIndex((l) => l.trim() !== '');
  const start = line + Math.max(blank, 0);
  const last = line + lines.length - 1;
  const body = lines.slice(Math.max(blank, 0)).join('\n');
  const reason = err?.code === 'CSV_QUOTE_NOT_CLOSED'
    ? `a quoted field opened here is never closed, so lines ${start}–${last} could not be read`
    : `unreadable CSV: ${err?.message ?? 'unknown error'}`;
  return { line: start, ok: false, raw: capRaw(body), problems: [{ field: '(row)', reason }] };
};

const checkHeader = (fields: string[], mapping: CsvMapping): string[] => {
  const header = fields.map((f, i) => (i === 0 ? f.replace(/^\uFEFF/, '') : f).trim());
  const missing = mapping.requiredColumns.filter((c) => !header.includes(c));
  if (missing.length > 0) {
    throw new AppError('mapping_invalid', `missing column(s) ${missing.join(', ')} for mapping ${mapping.name}`, {
      details: { missing, header },
    });
  }
  return header;
};

/** Extra empty cells (trailing commas from spreadsheets) are harmless; anything else is a broken row. */
const fieldCountProblem = (fields: string[], header: string[]): Problem | null => {
  if (fields.length === header.length) return null;
  if (fields.length > header.length && fields.slice(header.length).every((f) => f.trim() === '')) return null;
  return { field: '(row)', reason: `expected ${header.length} fields, found ${fields.length}` };
};

async function* readCsv(input: Readable, mapping: CsvMapping): EventSource {
  const slicer = new ByteSlicer();
  const skipped: (CsvError | undefined)[] = [];
  const tee = new Transform({
    transform(chunk: Buffer, _enc, done) {
      slicer.append(chunk);
      done(null, chunk);
    },
  });
  const parser = parse({
    bom: true,
    info: true,
    relax_column_count: true,
    // A quote inside an unquoted cell (`5" screen`) is taken literally instead of failing the row.
    relax_quotes: true,
    skip_empty_lines: true,
    skip_records_with_error: true,
    on_skip: (err) => {
      skipped.push(err);
      return undefined;
    },
  });
  // Errors reach us through the parser's iterator; the callback only keeps pipeline from throwing.
  pipeline(input, tee, parser, () => undefined);

  const mapper = mapping.createMapper();
  let header: string[] | null = null;
  let chunk: SourceItem[] = [];
  for await (const { record: fields, info } of parser as AsyncIterable<{ record: string[]; info: { bytes: number } }>) {
    const cut = cutRecord(slicer.take(info.bytes), fields);
    if (cut.before !== null && cut.before.text.trim() !== '' && skipped.length > 0) {
      chunk.push(skippedReject(cut.before.text, cut.before.line, skipped.shift()));
    }
    if (fields.every((f) => f.trim() === '')) continue;
    if (header === null) {
      header = checkHeader(fields, mapping);
      continue;
    }
    const problem = fieldCountProblem(fields, header);
    if (problem !== null) {
      chunk.push({ line: cut.line, ok: false, raw: capRaw(cut.text), problems: [problem] });
    } else {
      const record: Record<string, string> = {};
      for (let i = 0; i < header.length; i += 1) record[header[i] as string] = fields[i] as string;
      for (const item of mapper.push(record, cut.line)) {
        // Rejects of the row just pushed carry its exact text rather than the mapper's rebuilt one.
        chunk.push(!item.ok && item.line === cut.line ? { ...item, raw: capRaw(cut.text) } : item);
      }
    }
    if (chunk.length >= CHUNK) {
      yield chunk;
      chunk = [];
    }
  }
  // In practice only an unclosed quote is skipped (the other errors are relaxed), and it takes the rest.
  if (skipped.length > 0) {
    const rest = slicer.rest();
    chunk.push(skippedReject(rest.text.trim() === '' ? '' : rest.text, rest.line, skipped[0]));
  }
  if (header === null) {
    if (mapping.requiredColumns.length > 0) checkHeader([], mapping);
    return;
  }
  // end() may hold every row of the file (twcs): no spread into push(), which has an argument limit.
  const held = mapper.end();
  if (chunk.length > 0) yield chunk;
  for (let i = 0; i < held.length; i += CHUNK) yield held.slice(i, i + CHUNK);
}
