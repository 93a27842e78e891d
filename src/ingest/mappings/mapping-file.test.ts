import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { csvSource } from '../csv-source.js';
import type { CsvMapping, SourceItem } from '../source.js';
import { resolveMapping } from './index.js';
import { loadMappingFile, mappingFromDefinition, parseDateTime, parseDecimal, type MappingFileInput } from './mapping-file.js';
import { twcsMapping } from './twcs.js';

const SHOP: MappingFileInput = {
  name: 'my-shop-orders',
  source: 'myshop',
  columns: {
    source_id: 'OrderID', occurred_at: 'Date', 'customer.email': 'Email', 'customer.name': 'Name', amount: 'Total', text: 'Note',
  },
  constants: { kind: 'purchase', channel: 'shop', currency: 'EUR', direction: 'in' },
  date_format: 'iso',
};

const run = async (mapping: CsvMapping, csv: string): Promise<SourceItem[]> => {
  const items: SourceItem[] = [];
  for await (const chunk of csvSource(mapping)(Readable.from([csv]))) items.push(...chunk);
  return items;
};
const mapping = (overrides: Partial<MappingFileInput> = {}) => mappingFromDefinition({ ...SHOP, ...overrides }, 'shop.json');
const problems = (items: SourceItem[]) => items.map((i) => (i.ok ? 'ok' : i.problems));

describe('mapping files', () => {
  it('maps the documented example row by row', async () => {
    const items = await run(mapping(), 'OrderID,Date,Email,Name,Total,Note\nA-1,2024-12-31T13:05:00+01:00, Ann@Example.com ,Ann,19.90,gift wrap\n');
    expect(items).toHaveLength(1);
    const [item] = items;
    if (!item?.ok) throw new Error('expected an event');
    expect(item.line).toBe(2);
    expect(item.event).toMatchObject({
      source: 'myshop', sourceId: 'A-1', kind: 'purchase', channel: 'shop', direction: 'in',
      occurredAt: Date.UTC(2024, 11, 31, 12, 5), amount: 19.9, currency: 'EUR', text: 'gift wrap',
      customer: { name: 'Ann', identities: [{ kind: 'email', externalId: 'ann@example.com', handle: null, verified: true }] },
    });
    expect(JSON.parse(item.event.raw)).toMatchObject({ OrderID: 'A-1', Total: '19.90' });
  });

  it('requires every mapped column in the header', async () => {
    await expect(run(mapping(), 'OrderID,Date,Email,Name\n')).rejects.toMatchObject({
      code: 'mapping_invalid', message: 'missing column(s) Total, Note for mapping my-shop-orders',
    });
  });

  it('rejects bad cells naming the CSV column they came from', async () => {
    const csv = [
      'OrderID,Date,Email,Name,Total,Note',
      'A-1,2024-12-31,ann@example.com,Ann,abc,',
      'A-2,31/12/2024,ann@example.com,Ann,1,',
      'A-3,2024-12-31,not-an-email,Ann,1,',
      'A-4,2024-12-31,,Ann,1,',
      'A-5,2024-12-31,bob@example.com,,,',
    ].join('\n');
    expect(problems(await run(mapping(), csv))).toEqual([
      [{ field: 'Total', reason: 'expected number' }],
      [{ field: 'Date', reason: 'expected a date like 2024-12-31T13:05:00Z (iso)' }],
      [{ field: 'Email', reason: 'not an email address' }],
      [{ field: 'Email', reason: 'no customer identity: give identities, email, phone or shop_customer_id' }],
      'ok',
    ]);
  });

  it('names a constant when a column-less value fails, e.g. an amount with no currency', async () => {
    const m = mappingFromDefinition({ ...SHOP, constants: { kind: 'purchase', channel: 'shop' } }, 'shop.json');
    expect(problems(await run(m, 'OrderID,Date,Email,Name,Total,Note\nA-1,2024-12-31,a@b.c,Ann,5,\n'))).toEqual([
      [{ field: 'currency', reason: 'an amount needs a currency' }],
    ]);
  });

  it('maps channel identities, meta, dmy dates and decimal commas', async () => {
    const m = mappingFromDefinition({
      name: 'x-replies', source: 'sheet',
      columns: { source_id: 'Id', occurred_at: 'When', 'customer.x.id': 'UserId', 'customer.x.handle': 'User', amount: 'Sum', 'meta.store': 'Store' },
      constants: { kind: 'purchase', channel: 'x', currency: 'DKK' },
      date_format: 'dmy', decimal: ',',
    }, 'x.json');
    const items = await run(m, 'Id;When;UserId;User;Sum;Store\n'.replaceAll(';', ',') + '7,"31/12/2024 13:05",42,@ann,"1.234,50",Aarhus\n');
    const [item] = items;
    if (!item?.ok) throw new Error(JSON.stringify(item));
    expect(item.event).toMatchObject({
      occurredAt: Date.UTC(2024, 11, 31, 13, 5), amount: 1234.5, meta: { store: 'Aarhus' },
      customer: { identities: [{ kind: 'x', externalId: '42', handle: '@ann' }] },
    });
  });

  it.each<[string, unknown, string]>([
    ['an unknown target', { columns: { ...SHOP.columns, 'customer.mail': 'Email' } }, 'columns.customer.mail: unknown target "customer.mail"'],
    ['no source', { source: undefined }, 'source: '],
    ['no source_id', { columns: { occurred_at: 'Date', 'customer.email': 'Email' } }, 'columns.source_id: missing: map "source_id" to a column'],
    ['no occurred_at', { columns: { source_id: 'Id', 'customer.email': 'Email' } }, 'columns.occurred_at: missing: map "occurred_at" to a column'],
    ['no kind', { constants: { channel: 'shop' } }, 'constants.kind: missing: give "kind" as a column or a constant'],
    ['a bad constant', { constants: { ...SHOP.constants, currency: 'eur' } }, 'constants.currency: expected an ISO 4217 code'],
    ['a target twice', { constants: { ...SHOP.constants, text: 'hi' } }, 'constants.text: "text" is given both as a column and as a constant'],
    ['no customer identity', { columns: { source_id: 'Id', occurred_at: 'Date', 'customer.name': 'Name' } }, 'columns: map at least one customer identity'],
    ['an unknown key', { delimiter: ';' }, 'Unrecognized key: "delimiter"'],
    ['an unknown date format', { date_format: 'ymd' }, 'date_format: '],
    ['an email identity as a channel', { columns: { ...SHOP.columns, 'customer.email.id': 'Email' } }, 'columns.customer.email.id: "customer.email.id" is not a channel identity: use customer.email'],
  ])('refuses a mapping with %s', (_label, overrides, message) => {
    const attempt = () => mappingFromDefinition({ ...SHOP, ...(overrides as object) }, 'shop.json');
    expect(attempt).toThrow(expect.objectContaining({ code: 'mapping_invalid', message: expect.stringContaining(`shop.json: ${message}`) }));
  });

  it('loads a mapping file, and says what is wrong with a missing or broken one', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'pulse-mapping-'));
    await writeFile(join(dir, 'shop.json'), JSON.stringify(SHOP));
    await writeFile(join(dir, 'broken.json'), '{ "name": ');
    expect((await loadMappingFile(join(dir, 'shop.json'))).requiredColumns).toEqual(['OrderID', 'Date', 'Email', 'Name', 'Total', 'Note']);
    await expect(loadMappingFile(join(dir, 'nope.json'))).rejects.toMatchObject({ code: 'file_not_found' });
    await expect(loadMappingFile(join(dir, 'broken.json'))).rejects.toMatchObject({ code: 'mapping_invalid', message: expect.stringContaining('not JSON') });
    expect((await resolveMapping(join(dir, 'shop.json'))).name).toBe('my-shop-orders');
  });
});

describe('resolveMapping', () => {
  it('finds the built-in mappings by name', async () => {
    expect(await resolveMapping('twcs')).toBe(twcsMapping);
    expect((await resolveMapping('online-retail')).name).toBe('online-retail');
  });

  it('says which names exist when given an unknown one', async () => {
    await expect(resolveMapping('twitter')).rejects.toMatchObject({
      code: 'mapping_invalid', message: expect.stringContaining('built-in mappings are online-retail, twcs'),
    });
  });
});

describe('cell parsers', () => {
  it.each<[string, Parameters<typeof parseDateTime>[1], string | null]>([
    ['2024-12-31T13:05:00Z', 'iso', '2024-12-31T13:05:00.000Z'],
    ['2024-12-31 13:05', 'iso', '2024-12-31T13:05:00.000Z'],
    ['2024-12-31T13:05:00.5+01:00', 'iso', '2024-12-31T12:05:00.500Z'],
    ['2024-12-31', 'iso', '2024-12-31T00:00:00.000Z'],
    ['2024-02-30', 'iso', null],
    ['31/12/2024 13:05', 'dmy', '2024-12-31T13:05:00.000Z'],
    ['31.12.2024', 'dmy', '2024-12-31T00:00:00.000Z'],
    ['12/31/2024 1:05:09', 'mdy', '2024-12-31T01:05:09.000Z'],
    ['31/12/2024', 'mdy', null],
    ['1735650300000', 'epoch_ms', '2024-12-31T13:05:00.000Z'],
    ['1735650300', 'epoch_s', '2024-12-31T13:05:00.000Z'],
    ['yesterday', 'epoch_s', null],
  ])('parses %j as %s → %j', (text, format, iso) => {
    expect(parseDateTime(text, format)).toBe(iso);
  });

  it.each<[string, '.' | ',', number | null]>([
    ['19.90', '.', 19.9],
    ['-3', '.', -3],
    ['1,234.50', '.', 1234.5],
    ['1,5', '.', null],
    ['1.234,50', ',', 1234.5],
    ['19,9', ',', 19.9],
    ['12 345,6', ',', 12345.6],
    ['abc', '.', null],
    ['', '.', null],
  ])('parses %j with decimal %j as %j', (text, decimal, n) => {
    expect(parseDecimal(text, decimal)).toBe(n);
  });
});
