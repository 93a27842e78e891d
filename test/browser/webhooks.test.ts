/**
 * Webhooks in a real browser: an admin opens Settings → Webhooks, subscribes a local receiver, sees
 * the secret once, sends a test that the receiver first refuses, reads the failed attempt in the
 * delivery log, retries it and sees it delivered.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { startReceiver, type Receiver } from '../webhook-receiver.js';
import { assertPrerequisites, type Browser, launchSignedIn, type Server, startServer } from './harness.js';

let server: Server;
let browser: Browser;
let page: Page;
let receiver: Receiver;

beforeAll(async () => {
  assertPrerequisites();
  server = await startServer([], Date.now());
  server.ctx.config.PULSE_WEBHOOKS_ALLOW_PRIVATE = true;
  receiver = await startReceiver();
  receiver.answer = (_req, nth) => (nth === 1 ? 503 : 204);
  browser = await launchSignedIn(server);
  page = browser.page;
});

afterAll(async () => {
  await browser?.close();
  await receiver?.close();
  await server?.close();
});

describe('webhooks in the browser', () => {
  it('subscribes a URL, shows its secret once, and logs, retries and delivers a test', async () => {
    await page.goto(`${server.baseUrl}/settings/routes`);
    await page.getByRole('link', { name: 'Webhooks' }).click();
    await expect.poll(() => page.url()).toContain('/settings/webhooks');
    await page.getByText('No webhooks yet').waitFor();

    await page.getByLabel('URL', { exact: true }).fill(receiver.url);
    await page.getByLabel('Description (optional)').fill('CRM sync');
    await page.getByRole('button', { name: 'Add webhook' }).click();
    const secret = await page.getByTestId('webhook-secret').textContent();
    expect(secret).toMatch(/^whsec_/);
    await page.getByRole('button', { name: 'I have stored it' }).click();
    await expect.poll(() => page.getByTestId('webhook-secret').count()).toBe(0);
    expect(await page.getByRole('row', { name: /CRM sync/ }).count()).toBe(1);

    await page.getByRole('button', { name: 'Send test' }).click();
    await page.getByText('Test not delivered: HTTP 503: answer 503. It will be retried.').waitFor();
    const row = page.locator('.deliveries-table tbody tr').first();
    await expect.poll(() => row.textContent()).toContain('Pending');
    expect(await row.textContent()).toContain('HTTP 503');

    await row.getByRole('button', { name: 'Details' }).click();
    await page.getByText('Attempt 1').waitFor();
    expect(await page.locator('.payload').textContent()).toContain('"type": "ping"');

    await row.getByRole('button', { name: 'Retry now' }).click();
    await expect.poll(() => row.textContent()).toContain('Delivered');
    expect(receiver.received).toHaveLength(2);
    expect(receiver.received.every((r) => r.headers['pulse-delivery'] === receiver.received[0]!.headers['pulse-delivery'])).toBe(true);
    expect(await browser.problems()).toEqual([]);
  });
});
