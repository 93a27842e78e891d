/**
 * The funnel page in a real browser: the built UI served by the real server over a fresh SQLite
 * store (the default 7-stage route, plus a second route with hostile stage names), driven in
 * Debian's Chromium. The table shows what the API answers, the period and route are kept in the URL
 * (reload, Back), the CSV export downloads the table with names quoted and formulas defused, empty
 * and wrong choices say so, and nothing is blocked by the CSP.
 */
import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page, Request, Response } from 'playwright-core';
import type { EventLineInput } from '../../src/app/event-input.js';
import type { Funnel } from '../../web/src/api/types.js';
import { formatNumber } from '../../web/src/i18n/format.js';
import { assertPrerequisites, type Browser, launchSignedIn, type Server, startServer } from './harness.js';

const NOW = Date.now();
const DAY = 24 * 3600 * 1000;
const ago = (days: number): string => new Date(NOW - days * DAY).toISOString();
/** The calendar day `days` ago where the browser lives (the harness runs it in Europe/Copenhagen). */
const dayAgo = (days: number): string => new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Copenhagen' }).format(NOW - days * DAY);

type Who = EventLineInput['customer'];
const ev = (id: string, customer: Who, kind: string, days: number, extra: Partial<EventLineInput> = {}): EventLineInput => ({
  source: 'test', source_id: id, kind, channel: kind === 'purchase' ? 'shop' : 'instagram', occurred_at: ago(days), customer, ...extra,
} as EventLineInput);

// First reached (days ago) on the default route — A: contact 200, interaction 150, buyer 100;
// B: 60, 50, buyer 40, multiple buyer 20; C: 20, 10; D: both 5; E: contact 300.
const A = { email: 'ada@example.com', name: 'Ada' };
const B = { email: 'bo@example.com', name: 'Bo' };
const C = { email: 'cy@example.com', name: 'Cy' };
const D = { email: 'di@example.com', name: 'Di' };
const E = { email: 'ed@example.com', name: 'Ed' };
const events: EventLineInput[] = [
  ev('a-1', A, 'visit', 200), ev('a-2', A, 'comment', 150, { text: 'Nice' }), ev('a-3', A, 'purchase', 100, { amount: 40, currency: 'EUR', order_id: 'A-1' }),
  ev('b-1', B, 'visit', 60), ev('b-2', B, 'message', 50, { text: 'Hi' }),
  ev('b-3', B, 'purchase', 40, { amount: 30, currency: 'EUR', order_id: 'B-1' }), ev('b-4', B, 'purchase', 20, { amount: 30, currency: 'EUR', order_id: 'B-2' }),
  ev('c-1', C, 'visit', 20), ev('c-2', C, 'comment', 10, { text: 'Cool' }),
  ev('d-1', D, 'comment', 5, { text: 'Hello' }),
  ev('e-1', E, 'visit', 300),
];

const B2B = {
  name: 'B2B accounts',
  stages: [
    { key: 'contact', name: 'Contact', rule: 'events >= 1', mode: 'sticky' },
    // People's text, as a spreadsheet would misread it: a formula, a comma, quotes.
    { key: 'lead', name: '=Lead, "hot"', rule: 'comments + messages >= 1', mode: 'sticky' },
    { key: 'account', name: 'Account', rule: 'purchases >= 1', mode: 'sticky' },
  ],
};

let server: Server;
let browser: Browser;
let page: Page;

const isFunnelResponse = (r: Response): boolean => new URL(r.url()).pathname.endsWith('/funnel') && r.ok();
/** Runs `act` and answers the funnel the page then fetched. */
const funnelAfter = async (act: () => Promise<unknown>): Promise<Funnel> => {
  const response = page.waitForResponse(isFunnelResponse);
  await act();
  return (await (await response).json()) as Funnel;
};

const tableRows = () => page.locator('.funnel-table tbody tr').evaluateAll((rows) =>
  rows.map((tr) => Array.from(tr.querySelectorAll('th, td')).slice(1).map((c) => c.textContent ?? '')));
const entered = async () => (await tableRows()).map((r) => r[1]);

/** What the table should say for an API answer, in English. */
const expectedRows = (f: Funnel): string[][] => f.stages.map((s) => [
  s.name,
  formatNumber(s.entered, 'en'),
  s.conversionToNext === null ? '—' : formatNumber(s.conversionToNext, 'en', { style: 'percent', maximumFractionDigits: 1 }),
  s.medianDaysToReach === null ? '—' : formatNumber(s.medianDaysToReach, 'en', { maximumFractionDigits: 1 }),
]);

beforeAll(async () => {
  assertPrerequisites();
  server = await startServer(events, NOW);
  const res = await server.api(`/api/v1/workspaces/test/routes`, { method: 'PUT', body: JSON.stringify(B2B) });
  if (res.status !== 200) throw new Error(`fixture: saving the B2B route answered ${res.status}`);
  browser = await launchSignedIn(server);
  page = browser.page;
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('the funnel page in the browser', () => {
  it('opens from the navigation with the last 90 days of the first route', async () => {
    await page.goto(`${server.baseUrl}/`);
    const funnel = await funnelAfter(() => page.locator('nav a', { hasText: 'Funnel' }).click());
    await page.waitForURL(`${server.baseUrl}/funnel`);
    expect(await page.locator('nav [aria-current="page"]').textContent()).toBe('Funnel');
    expect(await page.locator('h1').textContent()).toBe('Funnel');
    expect(funnel.route.name).toBe('Customer journey');
    expect(await page.getByRole('radio', { name: 'Last 90 days', exact: true }).isChecked()).toBe(true);
    expect(await page.getByLabel('Route', { exact: true }).locator('option:checked').textContent()).toBe('Customer journey');

    await expect.poll(tableRows).toEqual(expectedRows(funnel));
    expect(await entered()).toEqual(['3', '3', '1', '1', '1', '0', '0']);
    expect((await tableRows())[1]).toEqual(['First interaction', '3', '33.3%', '10']);
    expect((await tableRows())[6]).toEqual(['High-value buyer', '0', '—', '—']);

    // The chart: one bar per stage, the widest as wide as the chart, a neck between each two.
    expect(await page.locator('.funnel-step').count()).toBe(7);
    expect(await page.locator('.funnel-step[data-stage="first_contact"] .funnel-bar').getAttribute('width')).toBe('100');
    expect(await page.locator('.funnel-step[data-stage="buyer"] .funnel-bar').getAttribute('width')).toBe('33.3');
    expect(await page.locator('.funnel-step[data-stage="spokesperson"] .funnel-bar').count()).toBe(0);
    expect(await page.locator('.funnel-neck').count()).toBe(6);
    expect(await page.locator('.funnel-step[data-stage="first_interaction"] .funnel-neck-label').textContent()).toBe('33% went on to the next stage');
    await page.screenshot({ path: '/tmp/funnel.png', fullPage: true });
  });

  it('changes the period, keeping it in the URL', async () => {
    let funnel = await funnelAfter(() => page.getByRole('radio', { name: 'Last 30 days', exact: true }).check());
    await page.waitForURL(`${server.baseUrl}/funnel?period=30`);
    await expect.poll(tableRows).toEqual(expectedRows(funnel));
    expect(await entered()).toEqual(['2', '2', '0', '0', '1', '0', '0']);

    funnel = await funnelAfter(() => page.getByRole('radio', { name: 'Last 365 days', exact: true }).check());
    await page.waitForURL(`${server.baseUrl}/funnel?period=365`);
    await expect.poll(tableRows).toEqual(expectedRows(funnel));
    expect(await entered()).toEqual(['5', '4', '2', '2', '1', '0', '0']);
    expect(Date.parse(funnel.to) - Date.parse(funnel.from)).toBeGreaterThan(364 * DAY);
  });

  it('takes custom dates, and keeps them over a reload', async () => {
    await page.getByRole('radio', { name: 'Custom', exact: true }).check();
    await page.waitForURL(`${server.baseUrl}/funnel?from=${dayAgo(364)}&to=${dayAgo(0)}`);
    expect(await page.getByLabel('From', { exact: true }).inputValue()).toBe(dayAgo(364));

    const funnel = await funnelAfter(async () => {
      await page.getByLabel('From', { exact: true }).fill(dayAgo(250));
      await page.getByLabel('To', { exact: true }).fill(dayAgo(120));
    });
    await page.waitForURL(`${server.baseUrl}/funnel?from=${dayAgo(250)}&to=${dayAgo(120)}`);
    await expect.poll(tableRows).toEqual(expectedRows(funnel));
    // Ada alone: contact and first interaction in the period, her purchase after it.
    expect(await entered()).toEqual(['1', '1', '0', '0', '0', '0', '0']);
    expect((await tableRows())[1]).toEqual(['First interaction', '1', '0%', '50']);

    await page.reload();
    await expect.poll(tableRows).toEqual(expectedRows(funnel));
    expect(await page.getByRole('radio', { name: 'Custom', exact: true }).isChecked()).toBe(true);
    expect(await page.getByLabel('To', { exact: true }).inputValue()).toBe(dayAgo(120));
  });

  it('says when the dates are the wrong way round, and fetches nothing', async () => {
    let fetched = 0;
    const count = (r: Request) => {
      if (new URL(r.url()).pathname.endsWith('/funnel')) fetched += 1;
    };
    page.on('request', count);
    await page.getByLabel('From', { exact: true }).fill(dayAgo(100));
    await expect.poll(() => page.locator('.funnel-dates .field-problem').textContent()).toBe('The start date must be on or before the end date.');
    expect(await page.getByLabel('From', { exact: true }).getAttribute('aria-invalid')).toBe('true');
    await page.screenshot({ path: '/tmp/funnel-custom.png' });
    // Longer than the typing pause: still the last good range, and no request for the wrong one.
    await page.waitForTimeout(800);
    page.off('request', count);
    expect(fetched).toBe(0);
    expect(page.url()).toBe(`${server.baseUrl}/funnel?from=${dayAgo(250)}&to=${dayAgo(120)}`);
    expect(await entered()).toEqual(['1', '1', '0', '0', '0', '0', '0']);
    await page.getByLabel('From', { exact: true }).fill(dayAgo(250));
    await expect.poll(() => page.locator('.funnel-dates .field-problem').count()).toBe(0);
  });

  it('goes back to the preset chosen before the custom dates', async () => {
    await page.goBack();
    await page.waitForURL(`${server.baseUrl}/funnel?period=365`);
    await expect.poll(entered).toEqual(['5', '4', '2', '2', '1', '0', '0']);
    expect(await page.getByRole('radio', { name: 'Last 365 days', exact: true }).isChecked()).toBe(true);
  });

  it('switches route, and exports the table as CSV with names quoted and formulas defused', async () => {
    const routes = (await (await server.api(`/api/v1/workspaces/test/routes`)).json()) as { items: { id: number; name: string }[] };
    const b2b = routes.items.find((r) => r.name === 'B2B accounts')!;
    const funnel = await funnelAfter(() => page.getByLabel('Route', { exact: true }).selectOption({ label: 'B2B accounts' }));
    await page.waitForURL(`${server.baseUrl}/funnel?route=${b2b.id}&period=365`);
    expect(funnel.route).toEqual({ id: b2b.id, name: 'B2B accounts' });
    await expect.poll(tableRows).toEqual(expectedRows(funnel));
    expect((await tableRows()).map((r) => r[0])).toEqual(['Contact', '=Lead, "hot"', 'Account']);

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export CSV' }).click()]);
    expect(download.suggestedFilename()).toBe(`funnel-b2b-accounts-${dayAgo(364)}-${dayAgo(0)}.csv`);
    const csv = await readFile(await download.path(), 'utf8');
    const pct = (r: number | null) => (r === null ? '' : String(Math.round(r * 1000) / 10));
    const days = (d: number | null) => (d === null ? '' : String(Math.round(d * 10) / 10));
    const [contact, lead, account] = funnel.stages;
    expect(csv).toBe('\uFEFF' + [
      '"Stage","Entered","Conversion to next (%)","Median days to reach"',
      `"Contact",${contact!.entered},${pct(contact!.conversionToNext)},${days(contact!.medianDaysToReach)}`,
      `"'=Lead, ""hot""",${lead!.entered},${pct(lead!.conversionToNext)},${days(lead!.medianDaysToReach)}`,
      `"Account",${account!.entered},,${days(account!.medianDaysToReach)}`,
      '',
    ].join('\r\n'));
    expect(contact!.entered).toBe(5);
    // The export is in the audit log, by the person who clicked.
    const log = (await (await server.api('/api/v1/workspaces/test/audit?action=data.exported')).json()) as { items: { actor: { kind: string }; details: Record<string, unknown> }[] };
    expect(log.items[0]).toMatchObject({ actor: { kind: 'person' }, details: { what: 'funnel', route: 'B2B accounts', rows: 3 } });
  });

  it('says so when no customer entered the route in the period', async () => {
    await page.goto(`${server.baseUrl}/funnel?from=2001-01-01&to=2001-12-31`);
    await expect.poll(() => page.locator('.status--empty .status-title').textContent()).toBe('No customer entered Customer journey in this period.');
    expect(await page.locator('.funnel-table').count()).toBe(0);
  });

  it('says so when the linked route does not exist', async () => {
    await page.goto(`${server.baseUrl}/funnel?route=9999`);
    await expect.poll(() => page.locator('.status--empty .status-title').textContent()).toBe('This route does not exist in this workspace.');
    expect(await page.getByLabel('Route', { exact: true }).locator('option:checked').textContent()).toBe('Choose a route');
    await page.getByLabel('Route', { exact: true }).selectOption({ label: 'Customer journey' });
    await expect.poll(entered).toEqual(['3', '3', '1', '1', '1', '0', '0']);
  });

  it('speaks Danish, with Danish numbers', async () => {
    await page.getByLabel('Language').selectOption('da');
    await expect.poll(() => page.locator('h1').textContent()).toBe('Tragt');
    expect(await page.locator('.funnel-table thead th').allTextContents()).toEqual(['#', 'Trin', 'Nåede', 'Konvertering til næste', 'Median antal dage']);
    expect((await tableRows())[1]?.[2]?.replace(/\s/g, ' ')).toBe('33,3 %');
    expect(await page.getByRole('radio', { name: 'Seneste 90 dage', exact: true }).isChecked()).toBe(true);
    await page.screenshot({ path: '/tmp/funnel-da.png', fullPage: true });
    await page.getByLabel('Sprog').selectOption('en');
  });

  it('logged no console errors and no CSP violations', async () => {
    expect(await browser.problems()).toEqual([]);
  });
});
