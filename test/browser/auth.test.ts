/**
 * Signing in, in a real browser: the built UI served by the real server over a fresh SQLite store,
 * driven in Debian's Chromium. A wrong password says so; an analyst sees the data but no controls
 * to change routes or merge customers; signing out goes back to the sign-in page; a set-password
 * link and a one-time password both end in the person's own password; the pages speak Danish.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { systemAccess } from '../../src/app/access.js';
import { issueOneTimePassword } from '../../src/app/people.js';
import { fixtureEvents } from './fixture-events.js';
import { assertPrerequisites, FIXTURE_ADMIN, launchBrowser, startServer, type Browser, type Person, type Server } from './harness.js';

const NOW = Date.now();
const ANALYST: Person = { email: 'giulia@test.pulse', password: 'analyst password 1' };

let server: Server;
let browser: Browser;
let page: Page;

const heading = () => page.locator('h1').first().textContent();

const signInWithForm = async (who: Person) => {
  await page.getByLabel('Email').fill(who.email);
  await page.getByLabel('Password', { exact: true }).fill(who.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
};

const signOut = async () => {
  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect.poll(heading).toBe('Sign in to Pulse');
};

beforeAll(async () => {
  assertPrerequisites();
  server = await startServer(fixtureEvents(NOW), NOW);
  await server.addPerson({ ...ANALYST, role: 'analyst' });
  browser = await launchBrowser();
  page = browser.page;
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('signing in', () => {
  it('shows the sign-in page to someone not signed in, wherever they go', async () => {
    await page.goto(`${server.baseUrl}/customers`);
    await expect.poll(heading).toBe('Sign in to Pulse');
    expect(await page.locator('nav.nav').count()).toBe(0);
    expect(await page.getByLabel('Password', { exact: true }).getAttribute('type')).toBe('password');
  });

  it('says so when the password is wrong', async () => {
    await signInWithForm({ email: ANALYST.email, password: 'not the password' });
    await expect.poll(() => page.locator('[role="alert"]').first().textContent()).toBe('Wrong email or password.');
    expect(await heading()).toBe('Sign in to Pulse');
    expect(await page.getByLabel('Password', { exact: true }).inputValue()).toBe('');
  });

  it('lets an analyst see the data but not change routes or merge customers', async () => {
    await signInWithForm(ANALYST);
    // Back on the page they asked for.
    await expect.poll(() => page.locator('.customers-table tbody tr').count()).toBeGreaterThan(3);
    expect(await page.locator('.user-name').textContent()).toBe('giulia');
    expect(await page.locator('.user-role').textContent()).toBe('Analyst');
    // The session cookie is not for scripts.
    expect(await page.evaluate(() => document.cookie)).not.toContain('pulse_session');

    await page.locator('.customers-table tbody th a', { hasText: 'Anna Jensen' }).click();
    await expect.poll(() => page.locator('#merges-title').count()).toBe(1);
    expect(await page.locator('.merge-form').count()).toBe(0);

    await page.locator('nav a', { hasText: 'Settings' }).click();
    await expect.poll(() => page.locator('.route-read-only').textContent()).toBe('Your role can read the routes but not change them.');
    expect(await page.getByLabel('Rule of stage 5').inputValue()).toBe('purchases >= 2');
    expect(await page.getByLabel('Rule of stage 5').isDisabled()).toBe(true);
    expect(await page.getByRole('button', { name: 'Save', exact: true }).count()).toBe(0);
    expect(await page.getByRole('button', { name: 'New route' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Add stage' }).count()).toBe(0);
    await page.screenshot({ path: '/tmp/pulse-routes-read-only.png', fullPage: true });
  });

  it('signs out, and the session is gone on the server too', async () => {
    await signOut();
    const status = await page.evaluate(async () => (await fetch('/api/v1/session')).status);
    expect(status).toBe(401);
  });

  it('lets an admin edit routes', async () => {
    await signInWithForm(FIXTURE_ADMIN);
    await expect.poll(() => page.locator('nav.nav').count()).toBe(1);
    await page.goto(`${server.baseUrl}/settings/routes`);
    await expect.poll(() => page.getByRole('button', { name: 'Save', exact: true }).count()).toBe(1);
    expect(await page.getByLabel('Rule of stage 5').isDisabled()).toBe(false);
    expect(await page.locator('.route-read-only').count()).toBe(0);
    expect(await page.locator('.user-role').textContent()).toBe('Admin');
  });

  it('sets the password of someone new with the link the admin got', async () => {
    const res = await server.api('/api/v1/workspaces/test/people', { method: 'POST', body: JSON.stringify({ email: 'sofie@test.pulse', name: 'Sofie Lund', role: 'pr' }) });
    const { link } = (await res.json()) as { link: { path: string } };
    await page.goto(`${server.baseUrl}${link.path}`);
    await expect.poll(heading).toBe('Set a new password');
    expect(await page.locator('.lede').textContent()).toBe('For sofie@test.pulse.');
    await page.getByLabel('New password', { exact: true }).fill('short');
    await page.getByLabel('New password again').fill('short');
    await page.getByRole('button', { name: 'Save password' }).click();
    expect(await page.locator('.field-problem').textContent()).toBe('Use at least 10 characters.');
    await page.getByLabel('New password', { exact: true }).fill('sofies own password');
    await page.getByLabel('New password again').fill('sofies own password');
    await page.getByRole('button', { name: 'Save password' }).click();
    await expect.poll(() => page.locator('.auth-done').textContent()).toBe('Your password is set. Sign in with it now.');
    await page.getByRole('button', { name: 'Go to sign in' }).click();
    // The admin was still signed in in this browser; sign out, then in as Sofie.
    await expect.poll(() => page.locator('.user-name').count()).toBe(1);
    await signOut();
    await signInWithForm({ email: 'sofie@test.pulse', password: 'sofies own password' });
    await expect.poll(() => page.locator('.user-name').textContent()).toBe('Sofie Lund');
    // The link worked once.
    await page.goto(`${server.baseUrl}${link.path}`);
    await expect.poll(() => page.locator('.field-problem').textContent()).toMatch(/^This link cannot be used/);
    await page.goto(`${server.baseUrl}/`);
    await signOut();
  });

  it('makes someone with a one-time password choose their own first', async () => {
    const analyst = (await server.ctx.repos.people.findByEmail(ANALYST.email))!;
    const oneTime = await issueOneTimePassword(server.ctx.repos, systemAccess(server.ctx.workspace), analyst.id, server.ctx.now());
    await signInWithForm({ email: ANALYST.email, password: oneTime });
    await expect.poll(heading).toBe('Choose your password');
    expect(await page.locator('nav.nav').count()).toBe(0);
    await page.getByLabel('One-time password').fill(oneTime);
    await page.getByLabel('New password', { exact: true }).fill('giulias new password');
    await page.getByLabel('New password again').fill('giulias new passwort');
    await page.getByRole('button', { name: 'Save password' }).click();
    expect(await page.locator('.field-problem').textContent()).toBe('The two passwords are not the same.');
    await page.getByLabel('New password again').fill('giulias new password');
    await page.getByRole('button', { name: 'Save password' }).click();
    await expect.poll(() => page.locator('nav.nav').count()).toBe(1);
    await signOut();
  });

  it('speaks Danish on the sign-in page', async () => {
    await page.getByLabel('Language').selectOption('da');
    await expect.poll(heading).toBe('Log ind i Pulse');
    await page.getByLabel('E-mail').fill(ANALYST.email);
    await page.getByLabel('Adgangskode', { exact: true }).fill('forkert forkert');
    await page.getByRole('button', { name: 'Log ind' }).click();
    await expect.poll(() => page.locator('[role="alert"]').first().textContent()).toBe('Forkert e-mail eller adgangskode.');
    await page.screenshot({ path: '/tmp/pulse-sign-in-da.png' });
    await page.getByLabel('Sprog').selectOption('en');
  });

  it('logged no console errors but the expected 401s and 404, and no CSP violations', async () => {
    // Asking who is signed in, and a wrong password, answer 401, and the used link 404: the browser logs those requests.
    const expected = /^console\.error: Failed to load resource: the server responded with a status of (401 \(Unauthorized\)|404 \(Not Found\))$/;
    const problems = await browser.problems();
    expect(problems.filter((p) => !expected.test(p))).toEqual([]);
    expect(problems.filter((p) => p.includes('404')).length).toBe(1);
  });
});
