/**
 * Mapping files: a JSON document that says which CSV column feeds which Pulse event line field
 * (docs/import.md). Also the cell parsers (dates, decimals) the built-in mappings share.
 */
import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import { EventLineSchema, toPulseEvent } from '../../app/event-input.js';
import { AppError } from '../../domain/errors.js';
import type { CsvMapping, Problem, SourceItem } from '../source.js';

export const DATE_FORMATS = ['iso', 'dmy', 'mdy', 'epoch_ms', 'epoch_s'] as const;
export type DateFormat = (typeof DATE_FORMATS)[number];
const DATE_EXAMPLES: Record<DateFormat, string> = {
  iso: '2024-12-31T13:05:00Z', dmy: '31/12/2024 13:05', mdy: '12/31/2024 13:05', epoch_ms: '1735650300000', epoch_s: '1735650300',
};

const toIso = (y: number, mo: number, d: number, h = 0, mi = 0, s = 0, ms = 0, offsetMin = 0): string | null => {
  if (mo < 1 || mo > 12 || d < 1 || h > 23 || mi > 59 || s > 59) return null;
  const t = Date.UTC(y, mo - 1, d, h, mi, s, ms);
  if (new Date(t).getUTCDate() !== d) return null; // 31/02 and the like
  return new Date(t - offsetMin * 60_000).toISOString();
};

const ISO = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{1,2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?$/i;
const NUMERIC_DATE = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})(?:[ T]+(\d{1,2}):(\d{2})(?::(\d{2}))?)?$/;

const offsetMinutes = (zone: string | undefined): number => {
  if (zone === undefined || zone.toUpperCase() === 'Z') return 0;
  const digits = zone.slice(1).replace(':', '');
  const minutes = Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2) || '0');
  return zone.startsWith('-') ? -minutes : minutes;
};

/** Parses a date-time cell into an ISO-8601 instant; a time without a zone is taken as UTC. */
export const parseDateTime = (text: string, format: DateFormat): string | null => {
  const t = text.trim();
  if (format === 'epoch_ms' || format === 'epoch_s') {
    if (!/^-?\d+(\.\d+)?$/.test(t)) return null;
    const ms = Number(t) * (format === 'epoch_s' ? 1000 : 1);
    return Math.abs(ms) <= 8.64e15 ? new Date(Math.round(ms)).toISOString() : null;
  }
  if (format === 'iso') {
    const m = ISO.exec(t);
    if (!m) return null;
    const ms = m[7] === undefined ? 0 : Number(m[7].slice(0, 3).padEnd(3, '0'));
    return toIso(+m[1]!, +m[2]!, +m[3]!, +(m[4] ?? 0), +(m[5] ?? 0), +(m[6] ?? 0), ms, offsetMinutes(m[8]));
  }
  const m = NUMERIC_DATE.exec(t);
  if (!m) return null;
  const [first, second] = [+m[1]!, +m[2]!];
  const [d, mo] = format === 'dmy' ? [first, second] : [second, first];
  return toIso(+m[3]!, mo, d, +(m[4] ?? 0), +(m[5] ?? 0), +(m[6] ?? 0));
};

/** Parses a decimal cell: `1234.5`, `-3`, `1,234.50` (or with decimal `,`: `1.234,50`). */
export const parseDecimal = (text: string, decimal: '.' | ',' = '.'): number | null => {
  let t = text.trim().replace(/[\s\u00a0]/g, '');
  const thousands = decimal === '.' ? ',' : '.';
  if (t.includes(thousands)) {
    const grouped = decimal === '.' ? /^[+-]?\d{1,3}(,\d{3})+(\.\d*)?$/ : /^[+-]?\d{1,3}(\.\d{3})+(,\d*)?$/;
    if (!grouped.test(t)) return null;
    t = t.replaceAll(thousands, '');
  }
  if (decimal === ',') t = t.replace(',', '.');
  if (!/^[+-]?(\d+(\.\d*)?|\.\d+)(e[+-]?\d+)?$/i.test(t)) return null;
  const n = Number(t);
  return Number.isFinite(n) ? n : null;
};

// ---- the mapping file ----

const SCALAR_TARGETS = [
  'source_id', 'kind', 'channel', 'direction', 'occurred_at', 'text', 'lang', 'amount', 'currency', 'order_id', 'thread_id', 'in_reply_to',
] as const;
const CUSTOMER_TARGETS = ['customer.email', 'customer.phone', 'customer.name', 'customer.shop_customer_id'] as const;
const IDENTITY_TARGET = /^customer\.([a-z][a-z0-9_]*)\.(id|handle)$/;
const META_TARGET = /^meta\.([A-Za-z0-9_]{1,40})$/;
/** These are contact identities with their own targets (normalised by toPulseEvent), not channels. */
const NOT_CHANNELS = new Set(['email', 'phone', 'shop', 'name', 'shop_customer_id']);
const TARGET_LIST = [...SCALAR_TARGETS, ...CUSTOMER_TARGETS, 'customer.<channel>.id', 'customer.<channel>.handle', 'meta.<key>'].join(', ');

const isTarget = (t: string): boolean => {
  if ((SCALAR_TARGETS as readonly string[]).includes(t) || (CUSTOMER_TARGETS as readonly string[]).includes(t)) return true;
  const identity = IDENTITY_TARGET.exec(t);
  return (identity !== null && !NOT_CHANNELS.has(identity[1]!)) || META_TARGET.test(t);
};
const isIdentityTarget = (t: string): boolean => t.startsWith('customer.') && t !== 'customer.name';

/** Scalar fields a constant can be checked for when the file is loaded. */
const CONSTANT_CHECKS: Partial<Record<string, z.ZodType>> = {
  kind: EventLineSchema.shape.kind, channel: EventLineSchema.shape.channel, direction: EventLineSchema.shape.direction,
  currency: EventLineSchema.shape.currency, lang: EventLineSchema.shape.lang,
};

export const MappingFileSchema = z
  .object({
    name: z.string().trim().min(1).max(64),
    description: z.string().max(500).optional(),
    source: z.string().trim().min(1).max(64),
    columns: z.record(z.string(), z.string().trim().min(1).max(200)),
    constants: z.record(z.string(), z.union([z.string().max(200), z.number()])).default({}),
    date_format: z.enum(DATE_FORMATS).default('iso'),
    decimal: z.enum(['.', ',']).default('.'),
  })
  .strict()
  .superRefine((m, ctx) => {
    const issue = (path: (string | number)[], message: string) => ctx.addIssue({ code: 'custom', path, message });
    for (const group of ['columns', 'constants'] as const) {
      for (const target of Object.keys(m[group])) {
        const contact = IDENTITY_TARGET.exec(target)?.[1];
        if (contact !== undefined && NOT_CHANNELS.has(contact)) issue([group, target], `"${target}" is not a channel identity: use customer.${contact === 'shop' ? 'shop_customer_id' : contact}`);
        else if (!isTarget(target)) issue([group, target], `unknown target "${target}" (targets: ${TARGET_LIST})`);
      }
    }
    for (const target of Object.keys(m.constants)) {
      if (target in m.columns) issue(['constants', target], `"${target}" is given both as a column and as a constant`);
      const check = CONSTANT_CHECKS[target]?.safeParse(m.constants[target]);
      if (check?.success === false) issue(['constants', target], check.error.issues[0]?.message ?? 'invalid value');
    }
    for (const target of ['source_id', 'occurred_at']) {
      if (!(target in m.columns)) issue(['columns', target], `missing: map "${target}" to a column`);
    }
    for (const target of ['kind', 'channel']) {
      if (!(target in m.columns) && !(target in m.constants)) issue(['constants', target], `missing: give "${target}" as a column or a constant`);
    }
    if (!Object.keys(m.columns).some(isIdentityTarget)) {
      issue(['columns'], 'map at least one customer identity: customer.email, customer.phone, customer.shop_customer_id or customer.<channel>.id/handle');
    }
  });
export type MappingFileInput = z.input<typeof MappingFileSchema>;
export type MappingFile = z.output<typeof MappingFileSchema>;

type Cell = { ok: true; value: string | number } | { ok: false; reason: string };

const convertCell = (target: string, text: string, m: MappingFile): Cell => {
  if (target === 'occurred_at') {
    const iso = parseDateTime(text, m.date_format);
    return iso === null ? { ok: false, reason: `expected a date like ${DATE_EXAMPLES[m.date_format]} (${m.date_format})` } : { ok: true, value: iso };
  }
  if (target === 'amount') {
    const n = parseDecimal(text, m.decimal);
    return n === null ? { ok: false, reason: 'expected number' } : { ok: true, value: n };
  }
  return { ok: true, value: text };
};

/** Where a target's value came from, as the user wrote it: the column name, or `(constant kind)`. */
const origin = (m: MappingFile, target: string): string => m.columns[target] ?? (target in m.constants ? `(constant ${target})` : target);

/** Turns one record into an item: every target filled, then the line validated like any other source. */
const mapRecord = (m: MappingFile, record: Record<string, string>, lineNo: number): SourceItem => {
  const raw = JSON.stringify(record);
  const problems: Problem[] = [];
  const line: Record<string, unknown> = { source: m.source };
  const customer: Record<string, unknown> = {};
  const identities = new Map<string, Record<string, string>>();
  const meta: Record<string, string> = {};
  const assign = (target: string, text: string) => {
    const cell = convertCell(target, text, m);
    if (!cell.ok) {
      problems.push({ field: origin(m, target), reason: cell.reason });
      return;
    }
    const identity = IDENTITY_TARGET.exec(target);
    if (identity) {
      const [, channel, key] = identity as unknown as [string, string, string];
      identities.set(channel, { ...(identities.get(channel) ?? { channel }), [key]: String(cell.value) });
    } else if (target.startsWith('customer.')) customer[target.slice('customer.'.length)] = cell.value;
    else if (target.startsWith('meta.')) meta[target.slice('meta.'.length)] = String(cell.value);
    else line[target] = cell.value;
  };
  for (const [target, value] of Object.entries(m.constants)) assign(target, String(value));
  for (const [target, column] of Object.entries(m.columns)) {
    const text = record[column]?.trim() ?? '';
    if (text !== '') assign(target, text);
  }
  if (problems.length > 0) return { line: lineNo, ok: false, raw, problems };
  const channels = [...identities.keys()];
  line.customer = { ...customer, identities: [...identities.values()] };
  if (Object.keys(meta).length > 0) line.meta = meta;

  const parsed = EventLineSchema.safeParse(line);
  if (parsed.success) return { line: lineNo, ok: true, event: toPulseEvent(parsed.data, raw), warnings: [] };
  const field = (path: PropertyKey[]): string => {
    if (path[0] !== 'customer') return origin(m, path.map(String).join('.'));
    if (path[1] === 'identities' && typeof path[2] === 'number') {
      const channel = channels[path[2]] ?? '';
      const keys = typeof path[3] === 'string' ? [path[3]] : ['id', 'handle'];
      return keys.map((k) => m.columns[`customer.${channel}.${k}`]).filter(Boolean).join(', ') || `customer.${channel}`;
    }
    if (path.length > 1) return origin(m, path.slice(0, 2).map(String).join('.'));
    return Object.entries(m.columns).filter(([t]) => isIdentityTarget(t)).map(([, c]) => c).join(', ');
  };
  return { line: lineNo, ok: false, raw, problems: parsed.error.issues.map((i) => ({ field: field(i.path), reason: i.message })) };
};

/** Builds a CSV mapping from a parsed mapping file; `label` (the file path) prefixes every error. */
export const mappingFromDefinition = (json: unknown, label: string): CsvMapping => {
  const parsed = MappingFileSchema.safeParse(json);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => (i.path.length > 0 ? `${i.path.map(String).join('.')}: ${i.message}` : i.message));
    throw new AppError('mapping_invalid', `${label}: ${issues.join('; ')}`, { details: { issues } });
  }
  const m = parsed.data;
  return {
    name: m.name,
    description: m.description ?? `mapping file ${label}`,
    requiredColumns: [...new Set(Object.values(m.columns))],
    createMapper: () => ({ push: (record, line) => [mapRecord(m, record, line)], end: () => [] }),
  };
};

/** Reads and validates a mapping file. */
export const loadMappingFile = async (path: string): Promise<CsvMapping> => {
  const text = await readFile(path, 'utf8').catch((err: NodeJS.ErrnoException) => {
    if (err.code === 'ENOENT') throw new AppError('file_not_found', `${path}: no such mapping file`);
    throw new AppError('mapping_invalid', `${path}: cannot read the mapping file (${err.message})`, { cause: err });
  });
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (err) {
    throw new AppError('mapping_invalid', `${path}: not JSON: ${(err as Error).message}`, { cause: err });
  }
  return mappingFromDefinition(json, path);
};
