import { createReadStream } from 'node:fs';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import type { PulseEvent } from '../../domain/event.js';
import { csvSource } from '../csv-source.js';
import type { SourceItem } from '../source.js';
import { normaliseCustomerId, onlineRetailMapping } from './online-retail.js';

const FIXTURE = new URL('../../../../shared/fixtures/data/online_retail_uci_2010-12-01_head200.csv', import.meta.url);
const HEADER = 'InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID,Country';

const collect = async (input: Readable): Promise<SourceItem[]> => {
  const items: SourceItem[] = [];
  for await (const chunk of csvSource(onlineRetailMapping)(input)) items.push(...chunk);
  return items;
};
const fromText = (rows: string[]) => collect(Readable.from([[HEADER, ...rows].join('\n')]));
const events = (items: SourceItem[]): PulseEvent[] => items.flatMap((i) => (i.ok ? [i.event] : []));
const byId = (items: SourceItem[], id: string) => {
  const item = items.find((i) => i.ok && i.event.sourceId === id);
  if (item === undefined || !item.ok) throw new Error(`no event ${id}`);
  return item;
};

describe('online-retail mapping over the UCI sample (199 rows, 25 invoices)', async () => {
  const items = await collect(createReadStream(FIXTURE));

  it('emits one event per invoice: 23 purchases and 2 refunds, and rejects nothing', () => {
    const kinds = events(items).map((e) => e.kind);
    expect(items.every((i) => i.ok)).toBe(true);
    expect(kinds.filter((k) => k === 'purchase')).toHaveLength(23);
    expect(kinds.filter((k) => k === 'refund')).toHaveLength(2);
  });

  it('sums invoice 536365 to 139.12 GBP', () => {
    // Lines 2–8 of the file: 6×2.55 + 6×3.39 + 8×2.75 + 6×3.39 + 6×3.39 + 2×7.65 + 6×4.25
    //                      = 15.30 + 20.34 + 22.00 + 20.34 + 20.34 + 15.30 + 25.50 = 139.12
    const item = byId(items, '536365');
    expect(item.line).toBe(2);
    expect(item.warnings).toEqual([]);
    expect(item.event).toMatchObject({
      source: 'online-retail', kind: 'purchase', channel: 'shop', direction: 'in', amount: 139.12, currency: 'GBP',
      orderId: '536365', occurredAt: Date.UTC(2010, 11, 1, 8, 26),
      customer: { identities: [{ kind: 'shop', externalId: '17850', handle: null, verified: true }], name: null },
    });
    expect(item.event.meta).toMatchObject({ country: 'United Kingdom', lines: 7 });
    expect((item.event.meta?.items as unknown[])[0]).toEqual({
      stock_code: '85123A', description: 'WHITE HANGING HEART T-LIGHT HOLDER', quantity: 6, unit_price: 2.55,
    });
    expect(JSON.parse(item.event.raw)).toHaveLength(7);
  });

  it('turns cancellation C536379 (one line: -1 × 27.50) into a refund of 27.50', () => {
    const item = byId(items, 'C536379');
    expect(item.line).toBe(143);
    expect(item.event).toMatchObject({ kind: 'refund', amount: 27.5, orderId: 'C536379', currency: 'GBP' });
    expect(item.event.meta).toMatchObject({ cancelled_invoice: true, lines: 1 });
  });

  it('keeps the quoted description with a comma (line 111)', () => {
    const items536381 = byId(items, '536381').event.meta?.items as { description: string }[];
    expect(items536381.map((i) => i.description)).toContain('AIRLINE LOUNGE,METAL SIGN');
  });
});

describe('online-retail mapping rules', () => {
  it('rejects every row without a CustomerID on its own line, never dropping it silently', async () => {
    const items = await fromText([
      '536414,22139,,56,2010-12-01 11:52:00,0.0,,United Kingdom',
      '536544,21773,DECORATIVE ROSE BATHROOM BOTTLE,1,2010-12-01 14:32:00,2.51,,United Kingdom',
      '536544,21774,DECORATIVE CATS BATHROOM BOTTLE,2,2010-12-01 14:32:00,2.51,,United Kingdom',
    ]);
    expect(items).toEqual([
      { line: 2, ok: false, raw: '536414,22139,,56,2010-12-01 11:52:00,0.0,,United Kingdom', problems: [{ field: 'CustomerID', reason: 'no customer identity' }] },
      { line: 3, ok: false, raw: expect.stringContaining('21773'), problems: [{ field: 'CustomerID', reason: 'no customer identity' }] },
      { line: 4, ok: false, raw: expect.stringContaining('21774'), problems: [{ field: 'CustomerID', reason: 'no customer identity' }] },
    ]);
  });

  it('groups an invoice whose rows are not contiguous', async () => {
    const items = await fromText([
      '1001,A,a,2,2010-12-01 08:00:00,1.10,100.0,France',
      '1002,B,b,1,2010-12-01 09:00:00,5.00,200.0,France',
      '1001,C,c,3,2010-12-01 08:00:00,0.30,100.0,France',
    ]);
    expect(events(items).map((e) => [e.sourceId, e.amount, e.meta?.lines])).toEqual([['1001', 3.1, 2], ['1002', 5, 1]]);
  });

  it('rejects a row with a bad number and keeps the rest of its invoice, with a warning', async () => {
    const items = await fromText([
      '1001,A,a,2,2010-12-01 08:00:00,1.10,100.0,France',
      '1001,B,b,two,2010-12-01 08:00:00,abc,100.0,France',
      '1001,C,c,1,not a date,1.00,100.0,France',
    ]);
    expect(items.filter((i) => !i.ok)).toEqual([
      { line: 3, ok: false, raw: '1001,B,b,two,2010-12-01 08:00:00,abc,100.0,France', problems: [
        { field: 'Quantity', reason: 'expected a number, got "two"' },
        { field: 'UnitPrice', reason: 'expected a number, got "abc"' },
      ] },
      { line: 4, ok: false, raw: '1001,C,c,1,not a date,1.00,100.0,France', problems: [
        { field: 'InvoiceDate', reason: 'expected a date like 2010-12-01 08:26:00 or 12/1/2010 8:26, got "not a date"' },
      ] },
    ]);
    const invoice = byId(items, '1001');
    expect(invoice.event.amount).toBe(2.2);
    expect(invoice.warnings).toEqual([
      { field: '(invoice)', reason: 'invoice 1001: 2 row(s) rejected (line 3, 4); the amount leaves them out' },
    ]);
  });

  it('rejects the rows of an invoice that name another customer', async () => {
    const items = await fromText([
      '1001,A,a,1,2010-12-01 08:00:00,1.00,100.0,France',
      '1001,B,b,1,2010-12-01 08:00:00,2.00,999.0,France',
    ]);
    expect(items.find((i) => !i.ok)).toMatchObject({
      line: 3,
      problems: [{ field: 'CustomerID', reason: 'invoice 1001 belongs to customer 100 (line 2); this row names 999' }],
    });
    expect(byId(items, '1001').event.amount).toBe(1);
  });

  it('reads the xlsx export’s dates (12/1/2010 8:26) as UTC', async () => {
    const items = await fromText(['1001,A,a,1,12/1/2010 8:26,1.00,17850,United Kingdom']);
    expect(byId(items, '1001').event.occurredAt).toBe(Date.UTC(2010, 11, 1, 8, 26));
  });

  it('keeps 100 items in meta but counts every line in the amount', async () => {
    const rows = Array.from({ length: 101 }, (_, i) => `1001,S${i},item,1,2010-12-01 08:00:00,1.00,100.0,France`);
    const { event } = byId(await fromText(rows), '1001');
    expect(event.amount).toBe(101);
    expect(event.meta).toMatchObject({ lines: 101, items_truncated: true });
    expect(event.meta?.items).toHaveLength(100);
  });

  it.each([
    ['17850.0', '17850'],
    ['17850', '17850'],
    [' 12583.00 ', '12583'],
    ['', ''],
  ])('normalises CustomerID %j to %j', (raw, id) => {
    expect(normaliseCustomerId(raw)).toBe(id);
  });
});
