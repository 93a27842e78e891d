/**
 * Sends a webhook delivery: one POST, a deadline for the whole exchange, no redirects followed (a
 * 3xx is a failed attempt), and — unless private addresses are allowed — a check of the address the
 * name resolves to at connect time, so a public name pointing at 127.0.0.1 or the cloud metadata
 * address is refused even if its DNS changed after the webhook was added. (node:http rather than
 * fetch because fetch offers no hook on the resolved address without the undici package.)
 */
import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import http from 'node:http';
import https from 'node:https';
import type { LookupFunction } from 'node:net';
import type { WebhookSender } from '../app/ports.js';
import { isPrivateAddress, webhookUrlProblem } from '../app/webhook-input.js';

export const DEFAULT_TIMEOUT_MS = 10_000;
const SNIPPET = 300;

/** dns.lookup that refuses private, loopback and link-local answers. */
export const publicLookup: LookupFunction = (hostname, options, callback) => {
  dnsLookup(hostname, { ...options, all: true }, (err, addresses: LookupAddress[]) => {
    if (err) return (callback as (e: Error) => void)(err);
    const bad = addresses.find((a) => isPrivateAddress(a.address));
    if (bad !== undefined) return (callback as (e: Error) => void)(new Error(`refused: ${hostname} resolves to ${bad.address}, a private address`));
    if (options.all) return (callback as (e: null, a: LookupAddress[]) => void)(null, addresses);
    const first = addresses[0]!;
    return callback(null, first.address, first.family);
  });
};

export const httpWebhookSender = (opts: { allowPrivate: boolean; timeoutMs?: number }): WebhookSender => ({
  send: ({ url, headers, body }) => new Promise((resolve) => {
    const started = performance.now();
    const timeoutMs = opts.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    let settled = false;
    let timer: NodeJS.Timeout | undefined;
    const done = (status: number | null, error: string | null) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve({ status, error, durationMs: performance.now() - started });
    };
    const problem = webhookUrlProblem(url, opts.allowPrivate);
    if (problem !== null) return done(null, `refused: ${problem}`);
    const target = new URL(url);
    const request = target.protocol === 'https:' ? https.request : http.request;
    const req = request(target, {
      method: 'POST',
      headers: { ...headers, 'content-length': String(Buffer.byteLength(body)) },
      agent: false,
      ...(opts.allowPrivate ? {} : { lookup: publicLookup }),
    }, (res) => {
      const status = res.statusCode ?? null;
      let snippet = '';
      const finish = () => {
        res.destroy();
        if (status !== null && status >= 200 && status < 300) return done(status, null);
        if (status !== null && status >= 300 && status < 400) return done(status, `HTTP ${status}: redirect${res.headers.location ? ` to ${res.headers.location}` : ''} not followed`);
        done(status, `HTTP ${status}${snippet.trim() === '' ? '' : `: ${snippet.trim().slice(0, SNIPPET)}`}`);
      };
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => {
        snippet += chunk;
        if (snippet.length >= SNIPPET) finish();
      });
      res.on('end', finish);
      res.on('error', finish);
    });
    req.on('error', (err: NodeJS.ErrnoException) => done(null, err.message.startsWith('refused:') ? err.message : `${err.code ?? 'error'}: ${err.message}`));
    timer = setTimeout(() => {
      done(null, `timed out: no answer within ${timeoutMs / 1000} s`);
      req.destroy();
    }, timeoutMs);
    req.end(body);
  }),
});
