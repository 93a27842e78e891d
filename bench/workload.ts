/**
 * The benchmark workload: seeded synthetic events in Pulse JSONL, mixed kinds and channels, 30 % with
 * text in en/da/it, customers drawn from a Zipf distribution (a few very active people, a long tail).
 * Events come in time order with some jitter (up to a day late), as exports and webhook streams do.
 */
import { createWriteStream } from 'node:fs';

const KINDS = ['visit', 'like', 'comment', 'mention', 'message', 'follow', 'share', 'post', 'review', 'purchase', 'refund', 'newsletter_signup'];
const KIND_WEIGHTS = [30, 20, 12, 8, 8, 5, 4, 3, 2, 5, 1, 2];
const CHANNELS = ['facebook', 'instagram', 'x', 'whatsapp', 'community', 'web'];
const TEXTS = {
  en: ['Love my new bike, best purchase this year!', 'My order is late again, not happy at all', 'Do you ship the cargo bike to Ireland?', 'The brakes squeak after a week, what can I do?'],
  da: ['Elsker min nye cykel, tak for hurtig levering!', 'Min ordre er stadig ikke kommet, det er ikke godt', 'Har I åbent på lørdag?', 'Kæden hopper af hele tiden, hvad gør jeg?'],
  it: ['Adoro la mia nuova bici, grazie mille!', 'Il mio ordine non è ancora arrivato, non va bene', 'Spedite anche in Sicilia?', 'Il freno non funziona, potete aiutarmi?'],
} as const;

export const mulberry32 = (seed: number) => () => {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};

/** Zipf(s=1) sampler over 1..n by inverse CDF on a precomputed table. */
const zipf = (n: number, rand: () => number) => {
  const cdf = new Float64Array(n);
  let sum = 0;
  for (let i = 0; i < n; i++) cdf[i] = sum += 1 / (i + 1);
  return () => {
    const u = rand() * sum;
    let lo = 0, hi = n - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cdf[mid]! < u) lo = mid + 1; else hi = mid;
    }
    return lo + 1;
  };
};

export interface WorkloadOptions { events: number; customers: number; seed: number; start: number; end: number }

/** Yields event lines (objects) of the workload. */
export function* workload(o: WorkloadOptions): Generator<Record<string, unknown>> {
  const rand = mulberry32(o.seed);
  const who = zipf(o.customers, rand);
  const totalWeight = KIND_WEIGHTS.reduce((a, b) => a + b, 0);
  const pickKind = () => {
    let r = rand() * totalWeight;
    for (let i = 0; i < KINDS.length; i++) if ((r -= KIND_WEIGHTS[i]!) < 0) return KINDS[i]!;
    return 'visit';
  };
  for (let i = 0; i < o.events; i++) {
    const c = who();
    const kind = pickKind();
    const commerce = kind === 'purchase' || kind === 'refund';
    const channel = commerce ? 'shop' : kind === 'newsletter_signup' ? 'newsletter' : CHANNELS[c % CHANNELS.length]!;
    const line: Record<string, unknown> = {
      source: `bench-${channel}`, source_id: `e${i}`, kind, channel, direction: 'in',
      occurred_at: new Date(Math.max(o.start, o.start + Math.floor(((o.end - o.start) * i) / o.events) - Math.floor(rand() * rand() * 86_400_000))).toISOString(),
      customer: commerce || kind === 'newsletter_signup'
        ? { email: `customer${c}@example.com` }
        : { identities: [{ channel, id: `${channel}-${c}`, handle: `user${c}` }] },
    };
    if (rand() < 0.3) {
      const lang = (['en', 'da', 'it'] as const)[Math.floor(rand() * 3)]!;
      const bank = TEXTS[lang];
      line.text = bank[Math.floor(rand() * bank.length)];
      line.lang = lang;
    }
    if (commerce) {
      line.amount = Math.round(rand() * 500000) / 100;
      line.currency = 'EUR';
      line.order_id = kind === 'purchase' ? `o${i}` : `o${Math.floor(rand() * i)}`;
    }
    yield line;
  }
}

export const writeWorkload = async (path: string, o: WorkloadOptions): Promise<number> => {
  const out = createWriteStream(path);
  let bytes = 0;
  let buf = '';
  for (const line of workload(o)) {
    buf += `${JSON.stringify(line)}\n`;
    if (buf.length > 1 << 20) {
      bytes += buf.length;
      if (!out.write(buf)) await new Promise<void>((r) => out.once('drain', () => r()));
      buf = '';
    }
  }
  bytes += buf.length;
  out.write(buf);
  await new Promise<void>((r) => out.end(() => r()));
  return bytes;
};
