/**
 * KPI stages in a real browser: the built UI served by the real server over a fresh SQLite store
 * (whose workspace gets the default 7-stage route), driven in Debian's Chromium. A buyer's page says
 * which stage and why and what the next stage needs; the route editor checks a rule as it is typed
 * and refuses to save a wrong one; saving a changed rule moves the buyer, recorded as a rule change.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { EventLineInput } from '../../src/app/event-input.js';
import { assertPrerequisites, type Browser, launchSignedIn, type Server, startServer } from './harness.js';

const NOW = Date.now();
const DAY = 24 * 3600 * 1000;
const ago = (days: number): string => new Date(NOW - days * DAY).toISOString();

const BUYER = 'Bea Buyer';
const COMMENTER = 'Carl Commenter';

const events: EventLineInput[] = [
  { source: 'test', source_id: 'b-1', kind: 'visit', channel: 'web', occurred_at: ago(15), customer: { email: 'bea@example.com', name: BUYER } },
  { source: 'test', source_id: 'b-2', kind: 'purchase', channel: 'shop', occurred_at: ago(10), customer: { email: 'bea@example.com', name: BUYER }, amount: 80, currency: 'EUR', order_id: 'O-1' },
  { source: 'test', source_id: 'c-1', kind: 'comment', channel: 'instagram', occurred_at: ago(4), customer: { identities: [{ channel: 'instagram', id: 'ig-77', handle: '@carl' }], name: COMMENTER }, text: 'Nice!' },
];

let server: Server;
let browser: Browser;
let page: Page;
let buyerId: number;
let commenterId: number;

const idOf = async (name: string): Promise<number> => {
  const res = await server.api(`/api/v1/workspaces/test/customers?q=${encodeURIComponent(name)}`);
  const body = (await res.json()) as { items: { id: number; displayName: string }[] };
  const found = body.items.find((c) => c.displayName === name);
  if (found === undefined) throw new Error(`fixture: no customer ${name}`);
  return found.id;
};

const panel = () => page.locator('.stage-panel').first();
const saveButton = () => page.getByRole('button', { name: 'Save', exact: true });

beforeAll(async () => {
  assertPrerequisites();
  server = await startServer(events, NOW);
  buyerId = await idOf(BUYER);
  commenterId = await idOf(COMMENTER);
  browser = await launchSignedIn(server);
  page = browser.page;
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('KPI stages in the browser', () => {
  it('counts customers per stage on the dashboard', async () => {
    await page.goto(`${server.baseUrl}/`);
    const count = (key: string) => page.locator(`.stage-bar[data-stage="${key}"] .stage-bar-count`).textContent();
    await expect.poll(() => count('buyer')).toBe('1');
    expect(await count('first_interaction')).toBe('1');
    expect(await count('multiple_buyer')).toBe('0');
    expect(await page.locator('.stage-bar').count()).toBe(8);
    expect(await page.locator('.stage-bar--none .stage-bar-name').textContent()).toBe('Not on the route yet');
  });

  it("shows the buyer's stage, why, and what the next stage needs", async () => {
    await page.goto(`${server.baseUrl}/customers/${buyerId}`);
    await expect.poll(() => panel().locator('.stage-name').textContent()).toBe('Buyer');
    expect(await panel().locator('.stage-now time').textContent()).toMatch(/^since /);
    expect(await panel().locator('.step[aria-current="step"] .step-name').textContent()).toBe('Buyer');
    expect(await panel().locator('.step').count()).toBe(7);
    expect(await panel().locator('.step', { hasText: 'Regular' }).locator('.step-mode').textContent()).toBe('live');

    const why = panel().locator('.stage-why .condition');
    expect(await why.count()).toBe(1);
    expect(await why.locator('.condition-text').textContent()).toBe('purchases >= 1');
    expect(await why.getAttribute('data-holds')).toBe('true');
    expect(await why.locator('.condition-mark').textContent()).toBe('✓');
    expect(await why.locator('.condition-value').textContent()).toBe('purchases 1');

    expect(await panel().locator('.stage-next-name').textContent()).toBe('Multiple buyer');
    const next = panel().locator('.stage-next .condition');
    expect(await next.locator('.condition-text').textContent()).toBe('purchases >= 2');
    expect(await next.locator('.condition-mark').textContent()).toBe('✗');
    expect(await next.locator('.condition-needs').textContent()).toBe(' · needs 1 more');

    // The visit and the purchase were on different days: each was a move (newest first).
    const moves = panel().locator('.stage-move');
    expect(await moves.count()).toBe(2);
    expect(await moves.first().locator('.stage-move-line').textContent()).toBe('First contact →to Buyer');
    expect(await moves.nth(1).locator('.stage-move-line').textContent()).toBe('Not on the route →to First contact');
    expect(await moves.first().locator('.badge--cause').textContent()).toBe('event');
    await page.screenshot({ path: '/tmp/pulse-stages-customer.png', fullPage: true });
  });

  it("shows a commenter's first interaction", async () => {
    await page.goto(`${server.baseUrl}/customers/${commenterId}`);
    await expect.poll(() => panel().locator('.stage-name').textContent()).toBe('First interaction');
    expect(await panel().locator('.stage-next-name').textContent()).toBe('Regular');
    expect(await panel().locator('.stage-next .condition-needs').textContent()).toBe(' · needs 2 more');
  });

  it('checks a rule as it is typed and refuses to save it while wrong', async () => {
    await page.locator('nav a', { hasText: 'Settings' }).click();
    await page.waitForURL(`${server.baseUrl}/settings/routes`);
    expect(await page.locator('nav.nav [aria-current="page"]').textContent()).toBe('Settings');
    await expect.poll(() => page.getByLabel('Rule of stage 5').inputValue()).toBe('purchases >= 2');
    expect(await page.getByLabel('Route', { exact: true }).locator('option:checked').textContent()).toBe('Customer journey');
    expect(await page.getByLabel('Name of stage 5').inputValue()).toBe('Multiple buyer');
    expect(await saveButton().isDisabled()).toBe(true);

    await page.getByLabel('Rule of stage 5').fill('purchase >= 2');
    const row = page.locator('.stage-row[data-stage="4"]');
    await expect.poll(() => row.locator('.field-problem').textContent()).toContain('did you mean "purchases"');
    expect(await row.locator('.rule-mark').textContent()).toBe('purchase');
    expect(await page.getByLabel('Rule of stage 5').getAttribute('aria-invalid')).toBe('true');
    expect(await page.locator('.field-problem').count()).toBe(1);
    expect(await page.locator('.route-status').textContent()).toBe('1 problem to fix');
    expect(await saveButton().isDisabled()).toBe(true);
    await page.screenshot({ path: '/tmp/pulse-routes-editor.png', fullPage: true });
  });

  it('saves a fixed rule and says how many customers moved', async () => {
    await page.getByLabel('Rule of stage 5').fill('purchases >= 1');
    await expect.poll(() => saveButton().isEnabled()).toBe(true);
    expect(await page.locator('.field-problem').count()).toBe(0);
    await saveButton().click();
    await expect.poll(() => page.locator('.route-saved').textContent()).toBe('Saved. 2 customers re-evaluated, 1 moved.');
    await expect.poll(() => page.locator('.route-status').textContent()).toBe('No changes.');
    expect(await saveButton().isDisabled()).toBe(true);
  });

  it('starts a new route from a copy and discards it', async () => {
    await page.getByRole('button', { name: 'New route' }).click();
    expect(await page.getByLabel('Route name').inputValue()).toBe('Customer journey (copy)');
    expect(await page.getByLabel('Rule of stage 5').inputValue()).toBe('purchases >= 1');
    await expect.poll(() => saveButton().isEnabled()).toBe(true);
    await page.getByRole('button', { name: 'Discard changes' }).click();
    expect(await page.getByLabel('Route name').count()).toBe(0);
    expect(await page.getByLabel('Route', { exact: true }).locator('option:checked').textContent()).toBe('Customer journey');
  });

  it('shows the buyer moved by the rule change', async () => {
    await page.goto(`${server.baseUrl}/customers/${buyerId}`);
    await expect.poll(() => panel().locator('.stage-name').textContent()).toBe('Multiple buyer');
    const latest = panel().locator('.stage-move').first();
    expect(await latest.locator('.badge--cause').textContent()).toBe('rule change');
    expect(await latest.locator('.stage-move-line').textContent()).toBe('Buyer →to Multiple buyer');
    expect(await latest.locator('code').textContent()).toBe('purchases >= 1');
    expect(await panel().locator('.stage-move').count()).toBe(3);
  });

  it('keeps a sticky stage reached before when its rule is tightened again', async () => {
    const routes = (await (await server.api(`/api/v1/workspaces/test/routes`)).json()) as { items: { name: string; stages: { key: string; rule: string }[] }[] };
    const route = routes.items[0]!;
    const body = { name: route.name, stages: route.stages.map((s) => (s.key === 'multiple_buyer' ? { ...s, rule: 'purchases >= 2' } : s)) };
    const res = await server.api(`/api/v1/workspaces/test/routes`, { method: 'PUT', body: JSON.stringify(body) });
    expect(res.status).toBe(200);
    await page.reload();
    await expect.poll(() => panel().locator('.stage-kept').textContent()).toBe('Kept: reached before (milestone). Its rule does not hold now.');
    expect(await panel().locator('.stage-name').textContent()).toBe('Multiple buyer');
    const why = panel().locator('.stage-why .condition');
    expect(await why.locator('.condition-text').textContent()).toBe('purchases >= 2');
    expect(await why.getAttribute('data-holds')).toBe('false');
    await panel().screenshot({ path: '/tmp/pulse-stages-kept.png' });
  });

  it('logged no console errors and no CSP violations', async () => {
    expect(await browser.problems()).toEqual([]);
  });
});
