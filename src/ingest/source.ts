/**
 * What a file source yields: chunks of items, each either a parsed event (possibly with warnings
 * about what was repaired) or a rejected record with every problem found. Line numbers are 1-based
 * lines of the file the record starts on.
 */
import type { PulseEvent } from '../domain/event.js';

export interface Problem {
  field: string;
  reason: string;
}

export type SourceItem =
  | { line: number; ok: true; event: PulseEvent; warnings: Problem[] }
  | { line: number; ok: false; problems: Problem[]; raw: string };

/** Sources read a stream the importer opened (it tracks bytes for progress) and yield arrays, so the
 * pipeline pays the async-iteration cost per chunk, not per record. */
export type EventSourceFactory = (input: import('node:stream').Readable) => EventSource;

/** Sources yield arrays so the pipeline pays the async-iteration cost per chunk, not per record. */
export type EventSource = AsyncIterable<SourceItem[]>;

/** A CSV mapping turns parsed CSV records into items. It may keep state across rows (grouping). */
export interface CsvMapper {
  /** `record` maps header name → cell text; `line` is the record's first line in the file. */
  push(record: Record<string, string>, line: number): SourceItem[];
  /** Called once after the last record: emits whatever the mapper held back. */
  end(): SourceItem[];
}

export interface CsvMapping {
  name: string;
  description: string;
  /** Header names the file must have; a file without them is refused before any row is read. */
  requiredColumns: readonly string[];
  createMapper(): CsvMapper;
}
