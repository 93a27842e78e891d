/**
 * The demo's customers: who they are (market, language, persona) and how each channel knows them
 * (platform ids and handles, email, phone, web visitor id, shop customer id). Handles and emails are
 * unique across the roster so that Pulse links people only where the demo means it to.
 */
import { NAMES } from './names.js';
import type { Random } from './random.js';

export type Persona = 'lurker' | 'fan' | 'regular' | 'buyer' | 'multi' | 'high' | 'influencer' | 'complainer';
export type Market = 'dk' | 'it' | 'intl';
export type Lang = 'da' | 'it' | 'en';
export type Social = 'facebook' | 'instagram' | 'x';

/** An account on a platform: the platform's stable id and the name it shows. */
export interface Account {
  id: string;
  handle: string;
}

export interface Person {
  index: number;
  /** Stable key used in source ids: `c00042`. */
  key: string;
  persona: Persona;
  market: Market;
  /** The language the person writes in. */
  lang: Lang;
  first: string;
  name: string;
  email: string;
  /** The address given to the newsletter: usually `email`, sometimes another one (not linked). */
  newsletterEmail: string;
  phone: string | null;
  whatsapp: Account | null;
  /** Social networks the person uses, the main one first (may be empty). */
  social: Social[];
  accounts: Partial<Record<Social | 'community', Account>>;
  visitorId: string;
  shopId: string;
  followers: number;
  currency: 'DKK' | 'EUR';
}

/** Lower-case ASCII for handles and email local parts: "Søren Østergaard" → "soren", "ostergaard". */
const FOLDED = new Map<string, string>();
export const fold = (s: string): string => {
  let folded = FOLDED.get(s);
  if (folded === undefined) {
    folded = s.toLowerCase().replace(/æ/g, 'ae').replace(/ø/g, 'o').replace(/å/g, 'aa')
      .normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[^a-z0-9]/g, '');
    FOLDED.set(s, folded);
  }
  return folded;
};

const SOCIAL_PREFERENCE: Readonly<Record<Market, Record<Social, number>>> = {
  dk: { facebook: 50, instagram: 38, x: 12 },
  it: { instagram: 55, facebook: 35, x: 10 },
  intl: { instagram: 45, facebook: 25, x: 30 },
};

const EMAIL_DOMAINS: Readonly<Record<Market, readonly string[]>> = {
  dk: ['example.dk', 'example.dk', 'example.com', 'mail.example.dk'],
  it: ['example.it', 'example.it', 'example.com', 'posta.example.it'],
  intl: ['example.com', 'example.org', 'example.net'],
};

/** Makes a name unique in `taken` by adding digits when needed. */
const claim = (rng: Random, taken: Set<string>, base: string): string => {
  let candidate = base;
  while (taken.has(candidate)) candidate = `${base}${rng.int(2, 99)}`;
  taken.add(candidate);
  return candidate;
};

const phoneFor = (rng: Random, market: Market): string => {
  const d = (n: number): string => rng.digits(n);
  if (market === 'dk') return `+45 ${rng.int(2, 6)}${rng.int(0, 9)} ${d(2)} ${d(2)} ${d(2)}`;
  if (market === 'it') return `+39 3${rng.int(2, 9)}${rng.int(0, 9)} ${d(3)} ${d(4)}`;
  return rng.pick([`+49 15${rng.int(1, 9)} ${d(4)} ${d(4)}`, `+46 7${rng.int(0, 9)} ${d(3)} ${d(2)} ${d(2)}`, `+31 6 ${d(4)} ${d(4)}`]);
};

const socialsFor = (rng: Random, market: Market, persona: Persona): Social[] => {
  if (persona === 'lurker' && rng.chance(0.4)) return [];
  if ((persona === 'buyer' || persona === 'high' || persona === 'multi') && rng.chance(0.3)) return [];
  const prefs = { ...SOCIAL_PREFERENCE[market] };
  if (persona === 'influencer') prefs.instagram *= 4;
  const wanted = persona === 'influencer' ? rng.int(2, 3) : 1 + (rng.chance(0.32) ? 1 : 0) + (rng.chance(0.08) ? 1 : 0);
  const out: Social[] = [];
  while (out.length < wanted) {
    const s = rng.choose(prefs);
    out.push(s);
    prefs[s] = 0;
  }
  return out;
};

/** Builds one customer. `taken` holds every handle and email already given out. */
export const makePerson = (rng: Random, index: number, persona: Persona, market: Market, taken: Set<string>): Person => {
  const names = NAMES[market];
  const first = rng.pick(names.first);
  const last = rng.pick(names.last);
  const f = fold(first);
  const l = fold(last);
  const yy = String(rng.int(60, 105) % 100).padStart(2, '0');
  const lang: Lang = market === 'intl' ? 'en' : rng.chance(market === 'dk' ? 0.14 : 0.1) ? 'en' : market === 'dk' ? 'da' : 'it';

  const local = rng.pick([`${f}.${l}`, `${f}${l.slice(0, 1)}`, `${f}.${l}${yy}`, `${f}_${l}`, `${f.slice(0, 1)}${l}`]);
  const domain = rng.pick(EMAIL_DOMAINS[market]);
  const email = claim(rng, taken, `${local}@${domain}`);
  const newsletterEmail = rng.chance(0.08)
    ? claim(rng, taken, `${f}${rng.pick(['.privat', '.home', '79', '.cykel', '.bici'])}@${rng.pick(EMAIL_DOMAINS[market])}`)
    : email;

  const phone = rng.chance(market === 'it' ? 0.7 : market === 'dk' ? 0.45 : 0.2) ? phoneFor(rng, market) : null;
  const whatsapp = phone !== null && rng.chance(market === 'dk' ? 0.6 : 0.85)
    ? { id: phone.replace(/\D/g, ''), handle: rng.chance(0.6) ? `${first} ${last}` : first }
    : null;

  const social = socialsFor(rng, market, persona);
  const influencer = persona === 'influencer';
  const accounts: Person['accounts'] = {};
  for (const s of social) {
    if (s === 'facebook') accounts.facebook = { id: rng.digits(16), handle: `${first} ${last}` };
    if (s === 'instagram') {
      const base = influencer
        ? rng.pick([`${f}rides`, `cargo.${f}`, `${f}.pedals`, `${f}_on_two_wheels`, `${f}.${l}.cycles`])
        : rng.pick([`${f}.${l}`, `${f}_${l}`, `${f}${l}${yy}`, `${f}.${l.slice(0, 1)}`, `${f}_${yy}`]);
      accounts.instagram = { id: rng.digits(17), handle: claim(rng, taken, `ig:${base}`).slice(3) };
    }
    if (s === 'x') {
      const base = rng.pick([`${f}${l}`, `${f}_${l.slice(0, 3)}`, `${f.slice(0, 1)}${l}`, `${f}${yy}`]).slice(0, 13);
      accounts.x = { id: rng.digits(19), handle: claim(rng, taken, `x:${base}`).slice(2) };
    }
  }
  accounts.community = {
    id: String(1000 + index),
    handle: claim(rng, taken, `cm:${rng.pick([`${f}_${l.slice(0, 1)}`, `${f}${l}`, `${f}.${yy}`])}`).slice(3),
  };

  return {
    index,
    key: `c${String(index).padStart(5, '0')}`,
    persona, market, lang, first,
    name: `${first} ${last}`,
    email, newsletterEmail, phone, whatsapp, social, accounts,
    visitorId: `v-${rng.hex(16)}`,
    shopId: String(4_000_000 + index * 7 + rng.int(0, 6)),
    followers: Math.round(influencer ? rng.logBetween(8_000, 150_000) : rng.logBetween(12, persona === 'regular' ? 4_000 : 1_500)),
    currency: market === 'dk' ? 'DKK' : 'EUR',
  };
};
