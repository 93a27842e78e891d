/**
 * The demo brand: a Danish bicycle maker (city bikes, cargo bikes, e-bikes, parts and service) with
 * shops in Copenhagen, Aarhus and Milan and a webshop. Its catalogue, shops, campaigns and care team.
 * Every name, domain and number here is invented; the domains are reserved example domains.
 */
import type { Random } from './random.js';

export const DEMO_WORKSPACE = { slug: 'demo', name: 'Cykelværkstedet Nord', currency: 'DKK' } as const;

/** The brand's handles in text, per channel. */
export const BRAND_HANDLE: Readonly<Record<string, string>> = {
  facebook: '@Cykelværkstedet Nord', instagram: '@cykelnord', x: '@CykelNord', community: '@team_nord',
};
export const BRAND_TAG = '#CykelNord';
export const SITE = 'https://cykelnord.example';

export type Category = 'city' | 'cargo' | 'ebike' | 'kids' | 'part' | 'service';

export interface Product {
  sku: string;
  name: string;
  category: Category;
  dkk: number;
  eur: number;
}

export const PRODUCTS: readonly Product[] = [
  { sku: 'CITY-3', name: 'Nord City 3', category: 'city', dkk: 6_499, eur: 879 },
  { sku: 'CITY-7D', name: 'Nord City 7 Dame', category: 'city', dkk: 7_999, eur: 1_079 },
  { sku: 'HAVN-C', name: 'Havn Classic', category: 'city', dkk: 5_499, eur: 749 },
  { sku: 'FRAGT-L', name: 'Fragt Long', category: 'cargo', dkk: 24_999, eur: 3_390 },
  { sku: 'FRAGT-T', name: 'Fragt Trio', category: 'cargo', dkk: 29_999, eur: 4_049 },
  { sku: 'FRAGT-E', name: 'Fragt E-Cargo', category: 'cargo', dkk: 36_999, eur: 4_990 },
  { sku: 'STROM-7', name: 'Strøm E7', category: 'ebike', dkk: 18_999, eur: 2_549 },
  { sku: 'STROM-P', name: 'Strøm Pendler', category: 'ebike', dkk: 22_999, eur: 3_090 },
  { sku: 'STROM-T', name: 'Strøm Tur', category: 'ebike', dkk: 26_499, eur: 3_569 },
  { sku: 'LILLE-16', name: 'Lille Nord 16"', category: 'kids', dkk: 2_299, eur: 309 },
  { sku: 'P-HELM', name: 'Nord helmet', category: 'part', dkk: 599, eur: 79 },
  { sku: 'P-LOCK', name: 'Frame lock + chain', category: 'part', dkk: 449, eur: 59 },
  { sku: 'P-RAIN', name: 'Cargo rain cover', category: 'part', dkk: 899, eur: 119 },
  { sku: 'P-SEAT', name: 'Child seat', category: 'part', dkk: 1_199, eur: 159 },
  { sku: 'P-BATT', name: 'Spare battery 500 Wh', category: 'part', dkk: 5_999, eur: 799 },
  { sku: 'P-LIGHT', name: 'Light set', category: 'part', dkk: 349, eur: 45 },
  { sku: 'P-BAGS', name: 'Pannier bags', category: 'part', dkk: 799, eur: 109 },
  { sku: 'P-TYRE', name: 'Puncture-proof tyre', category: 'part', dkk: 299, eur: 39 },
  { sku: 'P-CHAIN', name: 'Chain', category: 'part', dkk: 199, eur: 27 },
  { sku: 'S-CHECK', name: 'Service check', category: 'service', dkk: 699, eur: 95 },
  { sku: 'S-EBIKE', name: 'E-bike service', category: 'service', dkk: 1_199, eur: 159 },
  { sku: 'S-BRAKE', name: 'Brake adjustment', category: 'service', dkk: 299, eur: 39 },
];

const byCategory = (c: Category): Product[] => PRODUCTS.filter((p) => p.category === c);
export const CATALOGUE: Readonly<Record<Category, readonly Product[]>> = {
  city: byCategory('city'), cargo: byCategory('cargo'), ebike: byCategory('ebike'),
  kids: byCategory('kids'), part: byCategory('part'), service: byCategory('service'),
};

/** Where an order is placed; `meta.store` of purchase events. */
export const STORES: Readonly<Record<'dk' | 'it' | 'intl', Readonly<Record<string, number>>>> = {
  dk: { 'webshop-dk': 60, 'store-copenhagen-norrebro': 25, 'store-aarhus': 15 },
  it: { 'webshop-it': 70, 'store-milano-isola': 30 },
  intl: { 'webshop-intl': 100 },
};

export const isOnline = (store: string): boolean => store.startsWith('webshop');

/** Care agents who sign replies, by the language they answer in. */
export const AGENTS: Readonly<Record<string, readonly string[]>> = {
  da: ['Sofie', 'Jonas', 'Mette', 'Kasper'],
  it: ['Chiara', 'Luca'],
  en: ['Sofie', 'Jonas', 'Chiara'],
};

/** Paid and organic campaigns that bring web traffic, by market. */
export const CAMPAIGNS: Readonly<Record<string, readonly string[]>> = {
  dk: ['ladcykel-familie', 'elcykel-proevetur', 'foraarsservice', 'pendler-uger'],
  it: ['lancio-italia', 'cargo-famiglia', 'ebike-prova'],
  intl: ['cargo-family', 'e-bike-test-ride', 'spring-service'],
};

export interface TrafficSource {
  referrer: string | null;
  utm_source: string | null;
  utm_campaign: string | null;
}

const REFERRERS: Readonly<Record<string, string>> = {
  facebook: 'https://l.facebook.com/',
  instagram: 'https://l.instagram.com/',
  x: 'https://t.co/',
  community: 'https://community.cykelnord.example/',
  google: 'https://www.google.com/',
  bing: 'https://www.bing.com/',
};

/** Where a visit came from: a social channel (organic or campaign), search, newsletter or direct. */
export const trafficSource = (rng: Random, market: string, via?: string): TrafficSource => {
  const channel = via ?? rng.choose({ google: 34, direct: 22, facebook: 16, instagram: 14, newsletter: 6, x: 3, bing: 3, community: 2 });
  if (channel === 'direct') return { referrer: null, utm_source: null, utm_campaign: null };
  if (channel === 'newsletter') return { referrer: null, utm_source: 'newsletter', utm_campaign: rng.pick(NEWSLETTERS) };
  const referrer = REFERRERS[channel] ?? null;
  if (channel === 'google' || channel === 'bing' || channel === 'community' || rng.chance(0.45)) {
    return { referrer, utm_source: channel === 'google' || channel === 'bing' ? null : channel, utm_campaign: null };
  }
  return { referrer, utm_source: channel, utm_campaign: rng.pick(CAMPAIGNS[market] ?? CAMPAIGNS.intl!) };
};

const NEWSLETTERS = ['nyhedsbrev-foraar', 'nyhedsbrev-sommer', 'newsletter-cargo', 'newsletter-service', 'newsletter-ebike'];

/** Site paths a visit lands on. */
export const PAGES = [
  '/', '/ladcykler', '/elcykler', '/bycykler', '/reservedele', '/service', '/butikker', '/kontakt',
  '/produkt/fragt-trio', '/produkt/fragt-long', '/produkt/strom-e7', '/produkt/nord-city-3', '/it/', '/en/',
];

/** A brand post on a social channel, identified by the two-day slot it was published in. */
export const brandPostId = (channel: string, t: number): string =>
  `${channel}-post-${Math.floor(t / 172_800_000)}`;
