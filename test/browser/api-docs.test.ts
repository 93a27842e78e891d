/**
 * The API reference page in a real browser: /api/docs lists every operation of the OpenAPI document
 * under its tag, shows parameters, bodies and responses, and "Try it out" works with the session
 * cookie — a GET, and a write that needs the CSRF token — all without a CSP violation or a console
 * error. Leaves a screenshot in /tmp/api-docs.png.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import type { OpenApiDocument } from '../../src/http/openapi.js';
import { API_TAGS } from '../../src/http/openapi-routes.js';
import { assertPrerequisites, type Browser, FIXTURE_ADMIN, launchSignedIn, type Server, startServer } from './harness.js';

let server: Server;
let browser: Browser;
let page: Page;
let document: OpenApiDocument;

beforeAll(async () => {
  assertPrerequisites();
  server = await startServer([], Date.now());
  document = (await (await fetch(`${server.baseUrl}/api/openapi.json`)).json()) as OpenApiDocument;
  browser = await launchSignedIn(server);
  page = browser.page;
  page.setDefaultTimeout(15_000);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** One operation's block on the page, by method and path. */
const operation = (method: string, path: string): Locator =>
  page.locator(`.opblock-${method.toLowerCase()}`).filter({ has: page.locator(`.opblock-summary-path[data-path="${path}"]`) });

/** Opens an operation, presses "Try it out", optionally fills a parameter, and executes it. */
const tryIt = async (block: Locator, params: Record<string, string> = {}): Promise<{ status: string; body: string }> => {
  await block.locator('.opblock-summary').click();
  await block.getByRole('button', { name: 'Try it out' }).click();
  for (const [name, value] of Object.entries(params)) await block.locator(`tr[data-param-name="${name}"] input`).fill(value);
  await block.getByRole('button', { name: 'Execute' }).click();
  const live = block.locator('.live-responses-table .response');
  await live.first().waitFor();
  return { status: (await live.locator('.response-col_status').first().textContent())?.trim() ?? '', body: (await block.locator('.live-responses-table .microlight').first().textContent()) ?? '' };
};

describe('the API reference page', () => {
  it('lists every operation of the document under its tag, and the page has no CSP or console errors', async () => {
    await page.goto(`${server.baseUrl}/api/docs`);
    await page.getByRole('heading', { name: /Pulse API/ }).waitFor();
    await page.locator('.opblock').first().waitFor();
    const expected = Object.entries(document.paths).flatMap(([path, ops]) => Object.keys(ops).map((m) => `${m.toUpperCase()} ${path}`)).sort();
    expect(expected.length).toBeGreaterThan(40);
    const shown = await page.locator('.opblock').evaluateAll((blocks) => blocks.map((b) =>
      `${b.querySelector('.opblock-summary-method')?.textContent?.trim()} ${b.querySelector('.opblock-summary-path')?.getAttribute('data-path')}`));
    expect(shown.sort()).toEqual(expected);
    const tags = await page.locator('.opblock-tag-section h3 .nostyle span, .opblock-tag-section h3 > a > span').allTextContents();
    expect([...new Set(tags)]).toEqual(Object.keys(API_TAGS));
    // Each operation sits in its tag's section.
    for (const [path, ops] of Object.entries(document.paths)) {
      for (const [method, op] of Object.entries(ops)) {
        const section = page.locator('.opblock-tag-section').filter({ has: page.locator(`h3[data-tag="${(op.tags as string[])[0]}"]`) });
        expect(await section.locator(`.opblock-${method} .opblock-summary-path[data-path="${path}"]`).count(), `${method} ${path}`).toBe(1);
      }
    }
    await page.screenshot({ path: '/tmp/api-docs.png', fullPage: true });
    expect(await browser.problems()).toEqual([]);
  });

  it('shows an operation\'s parameters, body and responses', async () => {
    const block = operation('POST', '/api/v1/workspaces/{ws}/people');
    await block.locator('.opblock-summary').click();
    await block.locator('tr[data-param-name="ws"]').waitFor();
    expect(await block.locator('.opblock-description-wrapper').first().textContent()).toContain('Permission managePeople: roles admin; API token scope admin');
    expect(await block.locator('.body-param__example, .highlight-code').first().textContent()).toContain('giulia@example.com');
    const codes = await block.locator('.responses-table tr.response').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-code')));
    expect(codes).toEqual(['201', '400', '401', '403', '404', '409', '413', '429']);
    await block.locator('.opblock-summary').click();
  });

  it('tries a GET with the session cookie', async () => {
    const { status, body } = await tryIt(operation('GET', '/api/v1/session'));
    expect(status).toBe('200');
    expect(body).toContain(FIXTURE_ADMIN.email);
    expect(body).toContain('csrfToken');
  });

  it('tries a write: the page sends the session\'s CSRF token', async () => {
    const { status, body } = await tryIt(operation('POST', '/api/v1/workspaces/{ws}/routes/check'), { ws: server.ctx.workspace.slug });
    expect(status).toBe('200');
    expect(body).toContain('"ok": true');
    await page.screenshot({ path: '/tmp/api-docs-try.png' });
    expect(await browser.problems()).toEqual([]);
  });
});
