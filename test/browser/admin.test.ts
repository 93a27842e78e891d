/**
 * The admin pages in a real browser (Settings → People, API tokens, Policy, Audit log, Webhooks): an
 * admin adds a person and sees their set-password link, creates a token that then works with curl's
 * Bearer header and stops working when revoked, reads the token's creation in the audit log,
 * subscribes a local receiver and sends it a test, and publishes a policy that a care agent then
 * reads and accepts; an analyst sees none of the admin tabs. No console errors, no CSP violations.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { startReceiver, type Receiver } from '../webhook-receiver.js';
import { fixtureEvents } from './fixture-events.js';
import { assertPrerequisites, type Browser, launchSignedIn, type Person, type Server, signIn, startServer } from './harness.js';

const NOW = Date.now();
const CARE: Person = { email: 'carla@test.pulse', password: 'care agent password 1' };
const ANALYST: Person = { email: 'anders@test.pulse', password: 'analyst password 1' };
/** Markup and line breaks: the page must show it as text, lines kept. */
const POLICY = 'Be kind, be quick.\n<b>Never</b> share a customer\'s order number in public.\nAsk a lead when unsure.';

let server: Server;
let browser: Browser;
let page: Page;
let receiver: Receiver;

const heading = () => page.locator('h1').first().textContent();
const tabs = () => page.locator('nav.settings-tabs a').allTextContents();

const openTab = async (name: string, path: string) => {
  await page.locator('nav.settings-tabs').getByRole('link', { name, exact: true }).click();
  await expect.poll(() => new URL(page.url()).pathname).toBe(path);
};

const bearer = (secret: string) => fetch(`${server.baseUrl}/api/v1/workspaces/test/customers?limit=5`, { headers: { authorization: `Bearer ${secret}` } });

beforeAll(async () => {
  assertPrerequisites();
  server = await startServer(fixtureEvents(NOW), NOW);
  server.ctx.config.PULSE_WEBHOOKS_ALLOW_PRIVATE = true;
  await server.addPerson({ ...CARE, role: 'care_agent' });
  await server.addPerson({ ...ANALYST, role: 'analyst' });
  receiver = await startReceiver();
  browser = await launchSignedIn(server);
  page = browser.page;
});

afterAll(async () => {
  await browser?.close();
  await receiver?.close();
  await server?.close();
});

describe('the admin pages', () => {
  it('shows an admin every settings tab', async () => {
    await page.goto(`${server.baseUrl}/settings/routes`);
    await expect.poll(tabs).toEqual(['Routes', 'Policy', 'People', 'API tokens', 'Webhooks', 'Audit log']);
  });

  it('adds a person and shows their set-password link once', async () => {
    await openTab('People', '/settings/people');
    await page.locator('.people-table').waitFor();
    expect(await page.locator('.people-table tbody tr').count()).toBe(3);

    // The API's problem shows next to the field it names.
    await page.getByLabel('Email', { exact: true }).fill('not an email');
    await page.getByLabel('Name', { exact: true }).fill('Dana Dahl');
    await page.getByRole('button', { name: 'Add person' }).click();
    await expect.poll(() => page.locator('input[aria-invalid="true"] + .field-problem').textContent()).toBe('expected an email address');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('type'))).toBe('email');

    await page.getByLabel('Email', { exact: true }).fill('dana@test.pulse');
    await page.getByLabel('Role', { exact: true }).selectOption('pr');
    await page.getByLabel('Trainee').check();
    await page.getByRole('button', { name: 'Add person' }).click();
    const link = await page.getByTestId('password-link').textContent();
    expect(link).toMatch(new RegExp(`^${server.baseUrl}/reset/[A-Za-z0-9_-]{20,}$`));
    expect(await page.locator('.secret-notice').textContent()).toContain('Send it to Dana Dahl (dana@test.pulse) yourself');
    const row = page.getByRole('row', { name: /Dana Dahl/ });
    await expect.poll(() => row.textContent()).toContain('Invited: no password yet');
    expect(await row.textContent()).toContain('PR');
    expect(await row.textContent()).toContain('trainee');
    await page.screenshot({ path: '/tmp/admin-people.png', fullPage: true });
    await page.getByRole('button', { name: 'I have passed it on' }).click();
    expect(await page.getByTestId('password-link').count()).toBe(0);

    // The link works: it belongs to Dana.
    const info = await fetch(`${server.baseUrl}/api/v1/password-resets/${link!.split('/reset/')[1]}`);
    expect(((await info.json()) as { email: string }).email).toBe('dana@test.pulse');

    // Change her role, then remove her (asked in place first).
    await row.getByRole('button', { name: 'Edit Dana Dahl' }).click();
    await row.getByLabel('Role of Dana Dahl').selectOption('care_agent');
    await row.getByLabel('Dana Dahl is a trainee').uncheck();
    await row.getByRole('button', { name: 'Save' }).click();
    await page.getByText('Saved the changes for Dana Dahl.').waitFor();
    await expect.poll(() => row.textContent()).toContain('Care agent');
    expect(await row.textContent()).not.toContain('trainee');

    // Asked in place, by keyboard too: Enter asks and focuses the confirm button, Escape goes back.
    await page.getByRole('button', { name: 'Remove anders' }).focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toBe('Remove');
    await page.keyboard.press('Escape');
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('Remove anders');

    await row.getByRole('button', { name: 'Remove Dana Dahl' }).click();
    await row.getByRole('group', { name: 'Remove Dana Dahl from this workspace?' }).getByRole('button', { name: 'Remove' }).click();
    await page.getByText('Dana Dahl was removed from this workspace.').waitFor();
    await expect.poll(() => page.getByRole('row', { name: /Dana Dahl/ }).count()).toBe(0);
    // The only admin cannot be removed.
    expect(await page.getByRole('button', { name: 'Remove admin' }).isDisabled()).toBe(true);
  });

  let tokenId = 0;

  it('creates a token that works with a Bearer header, shown once, and revokes it', async () => {
    await openTab('API tokens', '/settings/tokens');
    await page.locator('.tokens-table').waitFor();
    await page.getByLabel('Name', { exact: true }).fill('shop-sync');
    await page.getByRole('checkbox', { name: /^ingest / }).check();
    await page.getByRole('button', { name: 'Create token' }).click();
    const secret = (await page.getByTestId('token-secret').textContent())!;
    expect(secret).toMatch(/^pulse_/);
    expect(await page.locator('.secret-notice').textContent()).toContain('you will not see it again');
    expect(await page.locator('.curl-example').textContent()).toBe(
      `curl -s '${server.baseUrl}/api/v1/workspaces/test/customers?limit=5' \\\n  -H 'Authorization: Bearer ${secret}'`,
    );

    const ok = await bearer(secret);
    expect(ok.status).toBe(200);
    expect(((await ok.json()) as { items: unknown[] }).items.length).toBeGreaterThan(0);

    const row = page.getByRole('row', { name: /shop-sync/ });
    await expect.poll(() => row.textContent()).toContain(secret.slice(0, 8));
    expect(await row.locator('.badge--scope').allTextContents()).toEqual(['read', 'ingest']);
    await page.screenshot({ path: '/tmp/admin-tokens.png', fullPage: true });
    await page.getByRole('button', { name: 'I have stored it' }).click();
    expect(await page.getByTestId('token-secret').count()).toBe(0);
    // Shown once: the page reloaded knows only the prefix.
    await page.reload();
    await row.waitFor();
    expect(await page.content()).not.toContain(secret);

    await row.getByRole('button', { name: 'Revoke shop-sync' }).click();
    await row.getByRole('button', { name: 'Revoke', exact: true }).click();
    await page.getByText('Token shop-sync revoked.').waitFor();
    await expect.poll(() => row.textContent()).toContain('Revoked');
    expect((await bearer(secret)).status).toBe(401);

    const tokens = (await (await server.api('/api/v1/workspaces/test/tokens')).json()) as { items: { id: number; name: string }[] };
    tokenId = tokens.items.find((t) => t.name === 'shop-sync')!.id;
  });

  it('lists the token creation in the audit log, filtered by action', async () => {
    await openTab('Audit log', '/settings/audit');
    await page.locator('.audit-table').waitFor();
    const created = page.getByRole('row', { name: new RegExp(`Token created.*token:${tokenId}`) });
    await created.waitFor();
    expect(await created.textContent()).toContain('admin@test.pulse');
    expect(await created.textContent()).toContain('127.0.0.1');
    // Newest first: the revocation came after the creation.
    const actions = await page.locator('.audit-table .audit-code').allTextContents();
    expect(actions.indexOf('token.revoked')).toBeLessThan(actions.indexOf('token.created'));

    await created.locator('summary').click();
    expect(await created.locator('pre').textContent()).toContain('"name": "shop-sync"');
    await page.screenshot({ path: '/tmp/admin-audit.png', fullPage: true });

    await page.getByLabel('Action').selectOption('token.created');
    await expect.poll(async () => [...new Set(await page.locator('.audit-table .audit-code').allTextContents())]).toEqual(['token.created']);
    await page.getByLabel('Action').selectOption('policy.published');
    await page.getByText('Nothing logged for “Policy published”.').waitFor();
  });

  it('subscribes a webhook to a local receiver, sends a test and shows the delivery', async () => {
    await openTab('Webhooks', '/settings/webhooks');
    await page.getByText('No webhooks yet').waitFor();
    expect(await page.getByRole('checkbox', { name: /customer\.stage_changed/ }).isChecked()).toBe(true);
    await page.getByLabel('URL', { exact: true }).fill(receiver.url);
    await page.getByRole('button', { name: 'Add webhook' }).click();
    expect(await page.getByTestId('webhook-secret').textContent()).toMatch(/^whsec_/);
    await page.getByRole('button', { name: 'I have stored it' }).click();

    await page.getByRole('button', { name: 'Send test' }).click();
    await page.getByText('Test delivered (HTTP 200).').waitFor();
    expect(receiver.received.map((r) => r.json.type)).toEqual(['ping']);
    const delivery = page.locator('.deliveries-table tbody tr').first();
    await expect.poll(() => delivery.textContent()).toContain('Delivered');
    expect(await delivery.textContent()).toContain('HTTP 200');
    expect(await delivery.locator('time').count()).toBe(2);
    await page.screenshot({ path: '/tmp/admin-webhooks.png', fullPage: true });
  });

  it('publishes a policy as admin', async () => {
    await openTab('Policy', '/settings/policy');
    await page.getByText('No policy yet').waitFor();
    await page.getByLabel('Policy text').fill(POLICY);
    await page.getByRole('button', { name: 'Publish version 1' }).click();
    await page.getByRole('group', { name: 'Publish version 1? Everyone must accept it again.' }).getByRole('button', { name: 'Publish' }).click();
    await page.getByText('Version 1 published. Everyone is asked to accept it.').waitFor();
    expect(await page.getByTestId('policy-text').textContent()).toBe(POLICY);
    await page.screenshot({ path: '/tmp/admin-policy.png', fullPage: true });
    // The admin must accept it too: the banner says so on other pages.
    await page.locator('nav.nav').getByRole('link', { name: 'Customers' }).click();
    await page.locator('.policy-banner').waitFor();
    await page.screenshot({ path: '/tmp/admin-banner.png' });
  });

  it('lets a care agent read and accept the policy, and sees no admin tab', async () => {
    await signIn(browser, server, CARE);
    await page.goto(`${server.baseUrl}/`);
    const banner = page.locator('.policy-banner');
    expect(await banner.textContent()).toContain('The social media policy (version 1) is waiting for you to read and accept it.');
    await banner.getByRole('link', { name: 'Read the policy' }).click();
    await expect.poll(heading).toBe('Policy');
    expect(await tabs()).toEqual(['Routes', 'Policy']);

    const text = page.getByTestId('policy-text');
    expect(await text.textContent()).toBe(POLICY);
    expect(await text.locator('b').count()).toBe(0);
    // Line breaks are kept (white-space: pre-wrap): the rendered text has three lines.
    expect((await text.innerText()).split('\n')).toHaveLength(3);
    expect(await text.evaluate((el) => getComputedStyle(el).whiteSpace)).toBe('pre-wrap');
    await page.screenshot({ path: '/tmp/admin-policy-care.png', fullPage: true });

    await page.getByRole('button', { name: 'I have read and accept it' }).click();
    await expect.poll(() => page.locator('.policy-acknowledgement').textContent()).toContain('You accepted version 1 on');
    await page.locator('nav.nav').getByRole('link', { name: 'Dashboard' }).click();
    await expect.poll(heading).not.toBe('Policy');
    expect(await page.locator('.policy-banner').count()).toBe(0);

    const session = (await page.evaluate(async () => (await fetch('/api/v1/session')).json())) as { workspaces: { policy: { acknowledged: boolean }; reply: string }[] };
    expect(session.workspaces[0]).toMatchObject({ policy: { version: 1, acknowledged: true }, reply: 'allowed' });
  });

  it('shows an analyst none of the admin tabs', async () => {
    await signIn(browser, server, ANALYST);
    await page.goto(`${server.baseUrl}/settings/routes`);
    await expect.poll(tabs).toEqual(['Routes', 'Policy']);
    // An admin page opened by its address says who it is for, and loads nothing.
    await page.goto(`${server.baseUrl}/settings/people`);
    await page.getByText('Only admins manage the people of a workspace.').waitFor();
    expect(await page.locator('.people-table').count()).toBe(0);
    await page.screenshot({ path: '/tmp/admin-analyst.png', fullPage: true });
  });

  it('speaks Danish and Italian on the admin pages', async () => {
    await signIn(browser, server);
    await page.goto(`${server.baseUrl}/settings/tokens`);
    await page.getByLabel('Language').selectOption('da');
    await expect.poll(heading).toBe('API-tokens');
    await expect.poll(tabs).toEqual(['Ruter', 'Politik', 'Personer', 'API-tokens', 'Webhooks', 'Revisionslog']);
    await page.screenshot({ path: '/tmp/admin-tokens-da.png', fullPage: true });
    await page.getByLabel('Sprog').selectOption('it');
    await openTab('Registro di controllo', '/settings/audit');
    await expect.poll(heading).toBe('Registro di controllo');
    await page.getByRole('row', { name: /Token creato/ }).first().waitFor();
    await page.screenshot({ path: '/tmp/admin-audit-it.png', fullPage: true });
    await page.getByLabel('Lingua').selectOption('en');
  });

  it('logged no console errors but the 400 of the invalid email, and no CSP violations', async () => {
    // The browser logs the refused request of the invalid email; nothing else may appear.
    expect(await browser.problems()).toEqual(['console.error: Failed to load resource: the server responded with a status of 400 (Bad Request)']);
  });
});
