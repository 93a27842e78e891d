import { describe, expect, it } from 'vitest';
import { parseLabelledLine, parseLabelledText } from './dataset.js';
import { score } from './evaluate.js';

describe('score', () => {
  it('computes accuracy and macro-F1 over the gold classes', () => {
    // negative: 2 right, 1 called neutral; neutral: 1 right, 1 called positive; positive: 2 right.
    const gold = ['negative', 'negative', 'negative', 'neutral', 'neutral', 'positive', 'positive'].map((g) => [g]);
    const pred = ['negative', 'negative', 'neutral', 'neutral', 'positive', 'positive', 'positive'];
    const s = score(gold, pred);
    expect(s.accuracy).toBeCloseTo(5 / 7);
    expect(s.classes.negative).toMatchObject({ precision: 1, recall: 2 / 3, support: 3 });
    expect(s.classes.neutral).toMatchObject({ precision: 0.5, recall: 0.5 });
    expect(s.classes.positive).toMatchObject({ precision: 2 / 3, recall: 1 });
    const f1 = (p: number, r: number) => (2 * p * r) / (p + r);
    expect(s.macroF1).toBeCloseTo((f1(1, 2 / 3) + 0.5 + f1(2 / 3, 1)) / 3);
  });

  it('scores a two-class file over its two classes: a neutral answer is a miss, not a third class', () => {
    const s = score([['negative'], ['positive']], ['neutral', 'positive']);
    expect(Object.keys(s.classes)).toEqual(['negative', 'positive']);
    expect(s.classes.negative!.f1).toBe(0);
    expect(s.macroF1).toBeCloseTo(0.5);
  });

  it('counts a multi-label text right when the answer is one of its emotions', () => {
    const s = score([['anger', 'fear'], ['joy']], ['fear', 'anger']);
    expect(s.accuracy).toBe(0.5);
    expect(s.classes.fear).toMatchObject({ precision: 1, recall: 1 });
    expect(s.classes.anger).toMatchObject({ precision: 0, recall: 0, support: 1 });
  });
});

describe('labelled lines', () => {
  it.each([
    ['{"id":"1","lang":"en","text":"ok","label":"positive"}', { id: '1', lang: 'en', sentiment: 'positive', emotions: null }],
    ['{"id":2,"lang":"da","text":"ok","label":"NEG"}', { id: '2', lang: 'da', sentiment: 'negative' }],
    ['{"id":"3","lang":"en","text":"ok","label":"optimism"}', { sentiment: null, emotions: ['joy'] }],
    ['{"id":"4","lang":"it","text":"ok","emotions":["disgust","anger","anticipation"]}', { emotions: ['anger'] }],
    ['{"id":"5","lang":"it","text":"ok","emotions":["anticipation"]}', { emotions: null }],
    ['{"id":"6","lang":"sv","text":"ok","label":"neutral"}', { lang: null, sentiment: 'neutral' }],
  ])('%s', (line, expected) => {
    expect(parseLabelledLine(line, 1)).toMatchObject(expected);
  });

  it.each([
    ['{"id":"1","text":"ok"}', /label/],
    ['{"id":"1","label":"positive"}', /text/],
    ['{"text":"ok","label":"happy-ish"}', /neither a sentiment/],
    ['{"text":"ok","emotions":["zen"]}', /not an emotion/],
    ['not json', /not valid JSON/],
  ])('refuses %s with the reason', (line, reason) => {
    const r = parseLabelledLine(line, 1);
    expect('error' in r && r.error).toMatch(reason);
  });

  it('collects errors with their line numbers and keeps the good lines', () => {
    const { records, errors } = parseLabelledText('{"text":"a","label":"positive"}\n\n{"text":1,"label":"positive"}\n{"text":"b","label":"negative"}\n');
    expect(records.map((r) => r.line)).toEqual([1, 4]);
    expect(errors.map((e) => e.line)).toEqual([3]);
  });
});
