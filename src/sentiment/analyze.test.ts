/**
 * What a user relies on, in each language, with the shipped model: negation ("not good", "ikke godt",
 * "non funziona"), emoji (also glued, "😡😡"), contrast ("but", "men", "ma"), words of a support
 * conversation that are not opinions ("support", "tak", "grazie"), and the language of short texts.
 */
import { describe, expect, it } from 'vitest';
import { analyze, createAnalyzer, type Analysis } from './index.js';

const sentimentOf = (text: string): Analysis['sentiment'] => analyze(text).sentiment;

describe('sentiment: negation', () => {
  it.each([
    ['en', 'The bike is good', 'positive'],
    ['en', 'The bike is not good', 'negative'],
    ['en', 'It works perfectly', 'positive'],
    ['en', "It doesn't work", 'negative'],
    ['da', 'Cyklen er god', 'positive'],
    ['da', 'Cyklen er ikke god', 'negative'],
    ['da', 'Det er ikke godt', 'negative'],
    ['da', 'Den virker ikke', 'negative'],
    ['it', 'La bici è bella', 'positive'],
    ['it', 'La bici non è bella', 'negative'],
    ['it', 'Funziona benissimo', 'positive'],
    ['it', 'Non funziona', 'negative'],
  ])('%s: %s → %s', (_lang, text, expected) => {
    expect(sentimentOf(text)).toBe(expected);
  });

  it.each([
    ['en', 'The bike is good', 'The bike is not good'],
    ['da', 'Jeg er tilfreds', 'Jeg er ikke tilfreds'],
    ['it', 'Sono soddisfatto', 'Non sono soddisfatto'],
  ])('%s: negating an opinion lowers the score a lot', (_lang, plain, negated) => {
    expect(analyze(plain).score - analyze(negated).score).toBeGreaterThan(0.5);
  });
});

describe('sentiment and emotion: emoji', () => {
  it.each([
    ['😡😡', 'negative', 'anger'],
    ['😡', 'negative', 'anger'],
    ['😍😍', 'positive', 'joy'],
    ['😭😭', 'negative', 'sadness'],
    ['Levering efter tre uger 😡😡', 'negative', 'anger'],
    ["L'app non funziona più 😡😡", 'negative', 'anger'],
    ['My new bike arrived 😍😍', 'positive', 'joy'],
    ['Den er super 😍', 'positive', 'joy'],
  ])('%s → %s, %s', (text, sentiment, emotion) => {
    expect(analyze(text)).toMatchObject({ sentiment, emotion });
  });

  it('glued emoji count one by one: two angry faces weigh more than one', () => {
    expect(analyze('ok 😡😡').score).toBeLessThan(analyze('ok 😡').score);
  });
});

describe('sentiment: contrast', () => {
  it.each([
    ['en', 'The bike is nice but the brakes are terrible', 'negative'],
    ['da', 'Cyklen er flot, men bremserne er elendige', 'negative'],
    ['da', 'Bremserne er elendige, men cyklen er flot', 'positive'],
    ['it', 'La bici è bella ma i freni sono pessimi', 'negative'],
  ])('%s: %s → %s', (_lang, text, expected) => {
    expect(sentimentOf(text)).toBe(expected);
  });

  it.each([
    ['en', 'The bike is nice but the brakes are terrible', 'The brakes are terrible but the bike is nice'],
    ['da', 'Cyklen er flot, men bremserne er elendige', 'Bremserne er elendige, men cyklen er flot'],
    ['it', 'La bici è bella ma i freni sono pessimi', 'I freni sono pessimi ma la bici è bella'],
  ])('%s: what follows the contrast weighs more', (_lang, endsBad, endsGood) => {
    expect(analyze(endsGood).score - analyze(endsBad).score).toBeGreaterThan(0.5);
  });
});

describe('sentiment: words of a support conversation are not opinions', () => {
  it.each([
    ['en', 'I contacted support about my order'],
    ['en', 'Please help, where is my order?'],
    ['da', 'Tak for svaret'],
    ['da', 'Jeg har skrevet til jeres support om min ordre'],
    ['it', 'Grazie, aspetto una risposta'],
    ['it', 'Ho contattato il supporto per il mio ordine'],
  ])('%s: %s → neutral', (_lang, text) => {
    expect(sentimentOf(text)).toBe('neutral');
  });

  it('but an opinion beside them still counts', () => {
    expect(sentimentOf('Tak, det virker perfekt!')).toBe('positive');
    expect(sentimentOf('Grazie, pessimo servizio')).toBe('negative');
    expect(sentimentOf('Thanks for nothing, the worst support ever')).toBe('negative');
  });
});

describe('language', () => {
  it.each([
    ['Thanks, it works now', 'en'],
    ['Where is my order? I have been waiting for two weeks', 'en'],
    ['Tak for hjælpen, det virker nu', 'da'],
    ['Hvornår har I åbent på lørdag?', 'da'],
    ['Grazie mille, funziona', 'it'],
    ['A che ora aprite sabato?', 'it'],
    ['¿Dónde está mi pedido? Llevo dos semanas esperando', 'other'],
    ['Wo ist meine Bestellung? Ich warte seit zwei Wochen', 'other'],
    ['Bonjour, je voudrais savoir où est ma commande', 'other'],
    ['Привет, где мой заказ?', 'other'],
    ['😡😡', 'other'],
    ['', 'other'],
  ])('%s → %s', (text, lang) => {
    expect(analyze(text).lang).toBe(lang);
  });

  it('takes a known language instead of detecting it', () => {
    expect(analyze('ok', { lang: 'da' }).lang).toBe('da');
    expect(analyze('Non funziona', { lang: 'it' }).sentiment).toBe('negative');
  });
});

describe('analyze', () => {
  it('answers within its sets, with a score in [-1, 1] that agrees with the sentiment', () => {
    for (const text of ['Elsker den! 😍', 'Worst. Service. Ever.', 'Ordine 12345', 'ok', 'a'.repeat(20_000), '🚲', '...']) {
      const a = analyze(text);
      expect(['en', 'da', 'it', 'other']).toContain(a.lang);
      expect(['negative', 'neutral', 'positive']).toContain(a.sentiment);
      expect(['anger', 'joy', 'sadness', 'fear', 'surprise', 'trust', 'none']).toContain(a.emotion);
      expect(a.score).toBeGreaterThanOrEqual(-1);
      expect(a.score).toBeLessThanOrEqual(1);
      if (a.sentiment === 'positive') expect(a.score).toBeGreaterThan(0);
      if (a.sentiment === 'negative') expect(a.score).toBeLessThan(0);
    }
  });

  it('has nothing to judge in a text without words or emoji', () => {
    for (const text of ['', '   ', '12345', '...!!!']) expect(analyze(text)).toEqual({ lang: 'other', sentiment: 'neutral', score: 0, emotion: 'none' });
  });

  it('is pure: the same text gives the same answer whatever came before, in any analyser', () => {
    const text = 'Cyklen er flot, men bremserne er elendige 😡';
    const first = analyze(text);
    analyze('Something else entirely, very long and very happy 😍😍😍 '.repeat(50));
    expect(analyze(text)).toEqual(first);
    expect(createAnalyzer().analyze(text)).toEqual(first);
  });
});
