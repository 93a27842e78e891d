/**
 * The UCI "Online Retail" data set (one row per invoice line): one purchase event per invoice, or one
 * refund for a cancellation (invoice number starting with C). Rows are grouped by invoice over the
 * whole file, so an invoice's rows need not be contiguous; the events are emitted at the end.
 */
import { round2 } from '../../domain/money.js';
import { eventItem, recordToCsv } from '../csv-source.js';
import type { CsvMapping, CsvMapper, Problem, SourceItem } from '../source.js';
import { parseDateTime, parseDecimal } from './mapping-file.js';

const COLUMNS = ['InvoiceNo', 'StockCode', 'Description', 'Quantity', 'InvoiceDate', 'UnitPrice', 'CustomerID', 'Country'] as const;
/** meta.items keeps the first lines of an invoice; the amount always counts them all. */
const MAX_ITEMS = 100;
/** A warning lists at most this many rejected lines. */
const MAX_LISTED = 10;

interface Item { stock_code: string; description: string; quantity: number; unit_price: number }

interface Invoice {
  number: string;
  /** Line of the first accepted row: the event's line. */
  line: number;
  customerId: string | null;
  customerLine: number;
  occurredAt: string;
  country: string;
  total: number;
  lines: number;
  items: Item[];
  /** Each accepted row as JSON: one string per row weighs less than the record it came from. */
  rows: string[];
  rejectedLines: number[];
}

/** "17850.0" (the xlsx export read as a float) → "17850". */
export const normaliseCustomerId = (text: string): string => text.trim().replace(/^(\d+)\.0*$/, '$1');

/** "2010-12-01 08:26:00" (CSV export) or "12/1/2010 8:26" (xlsx export), UK time taken as UTC. */
const parseInvoiceDate = (text: string): string | null => parseDateTime(text, 'iso') ?? parseDateTime(text, 'mdy');

const cell = (record: Record<string, string>, column: (typeof COLUMNS)[number]): string => record[column]?.trim() ?? '';

const createMapper = (): CsvMapper => {
  const invoices = new Map<string, Invoice>();

  const push = (record: Record<string, string>, line: number): SourceItem[] => {
    const number = cell(record, 'InvoiceNo');
    const customerId = normaliseCustomerId(cell(record, 'CustomerID'));
    const quantity = parseDecimal(cell(record, 'Quantity'));
    const unitPrice = parseDecimal(cell(record, 'UnitPrice'));
    const occurredAt = parseInvoiceDate(cell(record, 'InvoiceDate'));
    const problems: Problem[] = [];
    if (number === '') problems.push({ field: 'InvoiceNo', reason: 'no invoice number' });
    if (customerId === '') problems.push({ field: 'CustomerID', reason: 'no customer identity' });
    if (quantity === null) problems.push({ field: 'Quantity', reason: `expected a number, got "${cell(record, 'Quantity')}"` });
    if (unitPrice === null) problems.push({ field: 'UnitPrice', reason: `expected a number, got "${cell(record, 'UnitPrice')}"` });
    if (occurredAt === null) {
      problems.push({ field: 'InvoiceDate', reason: `expected a date like 2010-12-01 08:26:00 or 12/1/2010 8:26, got "${cell(record, 'InvoiceDate')}"` });
    }
    let invoice = number === '' ? undefined : invoices.get(number);
    if (invoice?.customerId != null && customerId !== '' && customerId !== invoice.customerId) {
      problems.push({
        field: 'CustomerID',
        reason: `invoice ${number} belongs to customer ${invoice.customerId} (line ${invoice.customerLine}); this row names ${customerId}`,
      });
    }
    if (number !== '' && invoice === undefined) {
      invoice = {
        number, line, customerId: null, customerLine: line, occurredAt: '', country: '',
        total: 0, lines: 0, items: [], rows: [], rejectedLines: [],
      };
      invoices.set(number, invoice);
    }
    if (problems.length > 0) {
      invoice?.rejectedLines.push(line);
      return [{ line, ok: false, raw: recordToCsv(record), problems }];
    }
    const inv = invoice as Invoice;
    if (inv.customerId === null) {
      // The first accepted row names the customer and dates the invoice.
      inv.customerId = customerId;
      inv.customerLine = line;
      inv.line = line;
      inv.occurredAt = occurredAt as string;
      inv.country = cell(record, 'Country');
    }
    inv.total += (quantity as number) * (unitPrice as number);
    inv.lines += 1;
    inv.rows.push(JSON.stringify(record));
    if (inv.items.length < MAX_ITEMS) {
      inv.items.push({
        stock_code: cell(record, 'StockCode'), description: cell(record, 'Description'),
        quantity: quantity as number, unit_price: unitPrice as number,
      });
    }
    return [];
  };

  const toItem = (inv: Invoice): SourceItem => {
    const isRefund = /^c/i.test(inv.number);
    const total = round2(inv.total);
    const warnings: Problem[] = [];
    if (inv.rejectedLines.length > 0) {
      const listed = inv.rejectedLines.slice(0, MAX_LISTED).join(', ') + (inv.rejectedLines.length > MAX_LISTED ? ', …' : '');
      warnings.push({
        field: '(invoice)',
        reason: `invoice ${inv.number}: ${inv.rejectedLines.length} row(s) rejected (line ${listed}); the amount leaves them out`,
      });
    }
    if (isRefund ? total > 0 : total < 0) {
      warnings.push({ field: '(invoice)', reason: `invoice ${inv.number}: the lines sum to ${total}, an unexpected sign for a ${isRefund ? 'cancellation' : 'sale'}` });
    }
    const meta: Record<string, unknown> = { country: inv.country || null, lines: inv.lines, items: inv.items };
    if (inv.lines > inv.items.length) meta.items_truncated = true;
    if (isRefund) meta.cancelled_invoice = true;
    return eventItem(
      {
        source: 'online-retail',
        source_id: inv.number,
        kind: isRefund ? 'refund' : 'purchase',
        channel: 'shop',
        direction: 'in',
        occurred_at: inv.occurredAt,
        customer: { shop_customer_id: inv.customerId as string },
        amount: isRefund ? Math.abs(total) : total,
        currency: 'GBP',
        order_id: inv.number,
        meta,
      },
      `[${inv.rows.join(',')}]`,
      inv.line,
      warnings,
    );
  };

  const end = (): SourceItem[] => {
    const items: SourceItem[] = [];
    for (const inv of invoices.values()) if (inv.lines > 0) items.push(toItem(inv));
    invoices.clear();
    return items;
  };

  return { push, end };
};

export const onlineRetailMapping: CsvMapping = {
  name: 'online-retail',
  description: 'UCI "Online Retail" transactions: one purchase (or refund, for C invoices) per invoice, in GBP',
  requiredColumns: COLUMNS,
  createMapper,
};
