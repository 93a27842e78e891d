/**
 * The customers flow in a real browser: the built UI (web/dist) served by the real server over a
 * fresh SQLite store, driven in Debian's Chromium. Lists, searches, opens a customer, pages the
 * timeline, shows hostile text as text, switches language; no console errors, no CSP violations.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { fixtureEvents, HOSTILE_NAME, HOSTILE_TEXT } from './fixture-events.js';
import { assertPrerequisites, type Browser, launchSignedIn, type Server, startServer } from './harness.js';

const NOW = Date.now();

let server: Server;
let browser: Browser;
let page: Page;

const rowNames = async () => page.locator('.customers-table tbody th a').allTextContents();

beforeAll(async () => {
  assertPrerequisites();
  server = await startServer(fixtureEvents(NOW), NOW);
  browser = await launchSignedIn(server);
  page = browser.page;
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('customers in the browser', () => {
  it('shows the dashboard with the counts and the recently active customers', async () => {
    await page.goto(`${server.baseUrl}/`);
    await expect.poll(() => page.locator('.stat dd').first().textContent()).toBe('4');
    await expect.poll(() => page.locator('.recent-name').allTextContents()).toEqual(['Anna Jensen', HOSTILE_NAME, 'Søren Kierkegaard', 'Marco Rossi']);
    expect(await page.locator('nav [aria-current="page"]').textContent()).toBe('Dashboard');
    // Areas not built yet are listed, disabled, and are not links.
    const inbox = page.locator('.nav-item--disabled', { hasText: 'Inbox' });
    expect(await inbox.getAttribute('aria-disabled')).toBe('true');
    expect(await page.locator('nav a', { hasText: 'Inbox' }).count()).toBe(0);
  });

  it('lists the ingested customers', async () => {
    await page.locator('nav a', { hasText: 'Customers' }).click();
    await page.waitForURL(`${server.baseUrl}/customers`);
    await expect.poll(rowNames).toEqual(['Anna Jensen', HOSTILE_NAME, 'Søren Kierkegaard', 'Marco Rossi']);
    expect(await page.locator('.pager-range').textContent()).toBe('1–4 of 4');
    const anna = page.locator('.customers-table tbody tr', { hasText: 'Anna Jensen' });
    expect(await anna.locator('td').nth(0).textContent()).toBe('anna@example.com');
    expect(await anna.locator('.badge').allTextContents()).toEqual(['Email', 'Instagram']);
    expect(await anna.locator('td.num').allTextContents()).toEqual(['64', '1', '€120']);
    await page.screenshot({ path: '/tmp/pulse-customers.png', fullPage: true });
  });

  it('filters by search and keeps the query in the URL', async () => {
    await page.getByLabel('Search customers').fill('marco@');
    await page.waitForURL(/\/customers\?q=marco%40$/);
    await expect.poll(rowNames).toEqual(['Marco Rossi']);
    await page.getByLabel('Search customers').fill('nobody-like-this');
    await expect.poll(() => page.locator('.status--empty .status-title').textContent()).toBe('No customers match “nobody-like-this”.');
    await page.getByLabel('Search customers').fill('anna');
    await page.waitForURL(/\/customers\?q=anna$/);
    await expect.poll(rowNames).toEqual(['Anna Jensen']);
  });

  it('opens a customer with facts, identities and a timeline that loads more', async () => {
    await page.getByRole('link', { name: 'Anna Jensen' }).click();
    await page.waitForURL(/\/customers\/\d+$/);
    await expect.poll(() => page.locator('h1').textContent()).toBe('Anna Jensen');
    expect(await page.locator('nav [aria-current="location"]').textContent()).toBe('Customers');

    const fact = (name: string) => page.locator(`.fact[data-fact="${name}"] dd`).textContent();
    expect(await fact('purchases')).toBe('1');
    expect(await fact('spend_total')).toBe('€120');
    expect(await fact('interactions')).toBe('3');
    await expect.poll(() => page.locator('.timeline > li').count()).toBe(50);
    await page.screenshot({ path: '/tmp/pulse-customer.png', fullPage: true });
    await page.getByText(/^All facts/).click();
    expect(await page.locator('.all-facts tbody tr', { hasText: 'spend_365d' }).locator('td').textContent()).toBe('€120');

    const identities = page.locator('.identities-table tbody tr');
    await expect.poll(() => identities.count()).toBe(2);
    // Named together in one event: linked by that event.
    expect(await identities.filter({ hasText: 'anna@example.com' }).locator('td').nth(4).textContent()).toBe('Same event');
    expect(await identities.filter({ hasText: 'ig-1001' }).locator('td').nth(2).textContent()).toBe('@anna.jensen');

    const events = page.locator('.timeline > li');
    expect(await events.count()).toBe(50);
    expect(await events.first().locator('.event-text').textContent()).toBe('It ships tomorrow, Anna.');
    expect(await events.first().locator('.badge--dir').textContent()).toBe('Outbound');
    expect(await page.locator('.event[data-kind="purchase"] .event-amount').textContent()).toBe('€120 · order A-100');
    await page.getByRole('button', { name: 'Load older events' }).click();
    await expect.poll(() => events.count()).toBe(64);
    await expect.poll(() => page.locator('.timeline-end').count()).toBe(1);
  });

  it('shows an identity linked by email on the customer it joined', async () => {
    await page.goto(`${server.baseUrl}/customers?q=marco`);
    await page.getByRole('link', { name: 'Marco Rossi' }).click();
    await expect.poll(() => page.locator('h1').textContent()).toBe('Marco Rossi');
    const shop = page.locator('.identities-table tbody tr', { hasText: 'S-77' });
    expect(await shop.locator('td').nth(4).textContent()).toBe('Same email');
    expect(await shop.locator('td').nth(5).textContent()).toBe('90%');
    expect(await page.locator('.event[data-kind="review"] .event-text').getAttribute('lang')).toBe('it');
  });

  it('shows hostile customer text as text and injects no element', async () => {
    await page.goto(`${server.baseUrl}/customers?q=mallory`);
    await expect.poll(rowNames).toEqual([HOSTILE_NAME]);
    await page.getByRole('link', { name: HOSTILE_NAME }).click();
    await expect.poll(() => page.locator('h1').textContent()).toBe(HOSTILE_NAME);
    expect(await page.locator('.event-text').first().textContent()).toBe(HOSTILE_TEXT);
    expect(await page.locator('img[src="x"]').count()).toBe(0);
    expect(await page.locator('main img, main script').count()).toBe(0);
    await page.screenshot({ path: '/tmp/pulse-hostile.png', fullPage: true });
  });

  it('merges another customer in by hand and undoes it', async () => {
    await page.goto(`${server.baseUrl}/customers?q=s%C3%B8ren`);
    const href = await page.getByRole('link', { name: 'Søren Kierkegaard' }).getAttribute('href');
    const sorenId = Number(href?.split('/').pop());
    await page.goto(`${server.baseUrl}/customers?q=anna`);
    await page.getByRole('link', { name: 'Anna Jensen' }).click();
    await page.getByLabel('Customer number to merge in').fill(String(sorenId));
    await page.getByLabel('Reason (optional)').fill('Same person, confirmed by phone');
    await page.getByRole('button', { name: 'Merge', exact: true }).click();
    await expect.poll(() => page.locator('.merge').count()).toBe(1);
    expect(await page.locator('.merge').textContent()).toContain('Merged by hand');
    // Søren's identities and events now show on Anna's page.
    await expect.poll(() => page.locator('.identities-table tbody tr').count()).toBe(4);
    expect(await page.locator('.event-text', { hasText: 'Har I åbent på søndag?' }).getAttribute('lang')).toBe('da');
    await page.goto(`${server.baseUrl}/customers/${sorenId}`);
    await expect.poll(() => page.locator('.notice').textContent()).toMatch(/merged into #\d+$/);
    await page.locator('.notice a').click();
    await expect.poll(() => page.locator('h1').textContent()).toBe('Anna Jensen');
    await page.getByRole('button', { name: 'Undo merge' }).click();
    await expect.poll(() => page.locator('.merge--undone').count()).toBe(1);
    await expect.poll(() => page.locator('.identities-table tbody tr').count()).toBe(2);
  });

  it('switches the language to Danish, remembers it and updates <html lang>', async () => {
    await page.getByLabel('Language').selectOption('da');
    await expect.poll(() => page.locator('nav a, nav .nav-item').allTextContents()).toContain('Kunder');
    expect(await page.locator('nav a', { hasText: 'Overblik' }).count()).toBe(1);
    expect(await page.locator('.nav-item--disabled', { hasText: 'Indbakke' }).textContent()).toBe('Indbakkekommer');
    expect(await page.locator('html').getAttribute('lang')).toBe('da');
    await page.goto(`${server.baseUrl}/customers`);
    await expect.poll(() => page.locator('.pager-range').textContent()).toBe('1–4 af 4');
    expect(await page.locator('html').getAttribute('lang')).toBe('da');
    const anna = page.locator('.customers-table tbody tr', { hasText: 'Anna Jensen' });
    expect((await anna.locator('td.num').last().textContent())?.replace(/\s/g, ' ')).toBe('120 €');
  });

  it('logged no console errors and no CSP violations', async () => {
    expect(await browser.problems()).toEqual([]);
  });
});
