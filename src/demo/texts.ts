/**
 * The demo's phrase banks and how a phrase becomes a post: a template in the writer's language, its
 * slots filled ({product}, {order}, …), and sometimes the touches real posts have (an emoji, hashtags,
 * a lower-case start, no final full stop).
 */
import { BRAND_TAG } from './brand.js';
import { NAMES } from './names.js';
import { fold, type Lang, type Market } from './people.js';
import type { Random } from './random.js';
import { DA } from './texts-da.js';
import { EN } from './texts-en.js';
import { IT } from './texts-it.js';

export const TOPICS = [
  'praise', 'mention', 'influencer', 'share', 'neutral',
  'complaint_delivery', 'complaint_broken', 'complaint_size', 'angry_followup', 'crisis',
  'q_hours', 'q_order', 'q_warranty', 'intent', 'thanks',
  'review_pos', 'review_neg', 'review_shop_pos', 'review_shop_neg', 'idea', 'community_post', 'community_reply',
  'r_complaint', 'r_followup', 'r_hours', 'r_order', 'r_warranty', 'r_intent', 'r_praise', 'r_public',
] as const;
export type Topic = (typeof TOPICS)[number];

export interface PhraseBank {
  /** Opening hours as a phrase, for {hours}. */
  hours: string;
  /** Bike parts with their article, lower case, for {part}. */
  parts: readonly string[];
  hashtags: readonly string[];
  /** Shop names as this language writes them, by the writer's market, for {store}. */
  stores: Readonly<Record<Market, readonly string[]>>;
  phrases: Readonly<Record<Topic, readonly string[]>>;
}

export const BANKS: Readonly<Record<Lang, PhraseBank>> = { en: EN, da: DA, it: IT };

export type Slot = 'product' | 'brand' | 'order' | 'days' | 'weeks' | 'store' | 'part' | 'agent' | 'first' | 'hours' | 'friend';
export type Slots = Partial<Record<Slot, string>>;

type Mood = 'pos' | 'neg' | 'ask';
const MOOD: Partial<Record<Topic, Mood>> = {
  praise: 'pos', mention: 'pos', influencer: 'pos', share: 'pos', thanks: 'pos', review_pos: 'pos', review_shop_pos: 'pos', community_post: 'pos',
  complaint_delivery: 'neg', complaint_broken: 'neg', complaint_size: 'neg', angry_followup: 'neg', crisis: 'neg', review_neg: 'neg', review_shop_neg: 'neg',
  q_hours: 'ask', q_order: 'ask', q_warranty: 'ask', intent: 'ask', neutral: 'ask',
};
const EMOJI: Readonly<Record<Mood, readonly string[]>> = {
  pos: ['😍', '🚲', '👍', '❤️', '🙌', '☀️', '💪', '😊'],
  neg: ['😡', '😤', '👎', '🙄', '😠'],
  ask: ['🤔', '🙏', '😊'],
};
const PICTOGRAPH = /\p{Extended_Pictographic}/u;
/** First names as handles, for tagging a friend ({friend}). */
const FRIENDS: Readonly<Record<Market, readonly string[]>> = {
  dk: NAMES.dk.first.map(fold), it: NAMES.it.first.map(fold), intl: NAMES.intl.first.map(fold),
};

export interface SayOptions {
  /** The writer's market (which shop names they mention). */
  market?: Market;
  /** A public post on a social network: hashtags may follow. */
  publicPost?: boolean;
  /** Written by the brand: no casual touches. */
  brand?: boolean;
  /**
   * Which phrase (modulo the topic's count). A question and its answer share the index, so the
   * answer fits the question: the banks keep `q_*`/`intent` and their `r_*` replies aligned.
   */
  index?: number;
}

const capitalise = (s: string): string => (s.length === 0 ? s : s.charAt(0).toUpperCase() + s.slice(1));

/** A template split once into literal text and slots: [text, slot, capitalise?, text, slot, …]. */
type Compiled = (string | { slot: Slot; cap: boolean })[];
const COMPILED = new Map<string, Compiled>();

const compile = (template: string): Compiled => {
  let parts = COMPILED.get(template);
  if (parts !== undefined) return parts;
  parts = [];
  let at = 0;
  for (const m of template.matchAll(/\{(\w+)\}/g)) {
    const before = template.slice(0, m.index);
    parts.push(template.slice(at, m.index), { slot: m[1] as Slot, cap: before.trim() === '' || /[.!?:]\s$/.test(before) });
    at = m.index + m[0].length;
  }
  parts.push(template.slice(at));
  COMPILED.set(template, parts);
  return parts;
};

/** Fills a template's slots, asking `fallback` for those not given; a slot that starts a sentence is capitalised. */
export const fill = (template: string, slots: Slots, fallback: (slot: Slot) => string = () => ''): string => {
  let out = '';
  for (const part of compile(template)) {
    if (typeof part === 'string') out += part;
    else {
      const value = slots[part.slot] ?? fallback(part.slot);
      out += part.cap ? capitalise(value) : value;
    }
  }
  return out;
};

/** A phrase of `topic` in `lang`, ready to post. */
export const say = (rng: Random, lang: Lang, topic: Topic, slots: Slots = {}, opts: SayOptions = {}): string => {
  const bank = BANKS[lang];
  const market = opts.market ?? (lang === 'da' ? 'dk' : lang === 'it' ? 'it' : 'intl');
  const fallback = (slot: Slot): string => {
    switch (slot) {
      case 'hours': return bank.hours;
      case 'part': return rng.pick(bank.parts);
      case 'store': return rng.pick(bank.stores[market]);
      case 'days': return String(rng.int(9, 24));
      case 'weeks': return String(rng.int(4, 9));
      case 'friend': return `@${rng.pick(FRIENDS[market])}${rng.chance(0.5) ? rng.int(2, 99) : ''}`;
      default: return '';
    }
  };
  const phrases = bank.phrases[topic];
  const template = opts.index === undefined ? rng.pick(phrases) : (phrases[opts.index % phrases.length] as string);
  let text = fill(template, slots, fallback);
  if (opts.brand) return text;

  const mood = MOOD[topic];
  if (mood !== undefined && !PICTOGRAPH.test(text) && rng.chance(0.22)) text += ` ${rng.pick(EMOJI[mood])}`;
  if (opts.publicPost && rng.chance(0.3)) {
    const i = rng.int(0, bank.hashtags.length - 1);
    text += ` ${bank.hashtags[i]}`;
    if (rng.chance(0.3)) text += ` ${bank.hashtags[(i + rng.int(1, bank.hashtags.length - 1)) % bank.hashtags.length]}`;
  }
  if (opts.publicPost && mood === 'pos' && rng.chance(0.15)) text += ` ${BRAND_TAG}`;
  if (rng.chance(0.1)) text = text.charAt(0).toLowerCase() + text.slice(1);
  if (rng.chance(0.12) && text.endsWith('.')) text = text.slice(0, -1);
  return text;
};
