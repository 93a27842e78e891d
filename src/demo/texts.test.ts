import { describe, expect, it } from 'vitest';
import { Random } from './random.js';
import { BANKS, TOPICS, fill, say } from './texts.js';

const LANGS = ['en', 'da', 'it'] as const;
const SLOTS = new Set(['product', 'brand', 'order', 'days', 'weeks', 'store', 'part', 'agent', 'first', 'hours', 'friend']);

describe('phrase banks', () => {
  it.each(LANGS)('%s has phrases for every topic, using only known slots', (lang) => {
    for (const topic of TOPICS) {
      const phrases = BANKS[lang].phrases[topic];
      expect(phrases.length, topic).toBeGreaterThanOrEqual(2);
      for (const p of phrases) for (const m of p.matchAll(/\{(\w+)\}/g)) expect(SLOTS, `${topic}: ${p}`).toContain(m[1]);
    }
  });

  it.each(LANGS)('%s keeps each question aligned with its answer', (lang) => {
    const p = BANKS[lang].phrases;
    for (const [q, r] of [['intent', 'r_intent'], ['q_warranty', 'r_warranty'], ['q_order', 'r_order'], ['q_hours', 'r_hours']] as const) {
      expect(p[r].length, `${q}/${r}`).toBe(p[q].length);
    }
  });

  it('capitalises a slot that starts a sentence', () => {
    expect(fill('{part} broke. Again {part}.', { part: 'the brake' })).toBe('The brake broke. Again the brake.');
  });

  it.each(LANGS)('%s: say leaves no slot unfilled', (lang) => {
    const rng = new Random(11);
    for (const topic of TOPICS) {
      for (let i = 0; i < 20; i++) {
        const text = say(rng, lang, topic, { product: 'Fragt Trio', brand: '@cykelnord', order: 'CVN-1', agent: 'Sofie', first: 'Mette' }, { publicPost: true });
        expect(text).not.toMatch(/[{}]/);
        expect(text.trim().length).toBeGreaterThan(1);
      }
    }
  });
});
