/**
 * `npm run bench:sentiment`: documents per second of Pulse's analyser — language, sentiment and
 * emotion together, on one core — over tweet-length texts (the validation texts of the fixtures:
 * UMSAB en and it, TweetEval emotion, the Danish fifth; repeated), beside the `sentiment` npm package (AFINN, sentiment
 * only) on the same texts in the same run, and the ratio.
 * Options: --docs N (default 500,000), --data DIR (default PULSE_SENTIMENT_DATA or ../shared/fixtures/sentiment).
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { parseLabelledText } from '../src/sentiment/dataset.js';
import { createAnalyzer } from '../src/sentiment/index.js';
import { DEFAULT_SETTINGS, validationSets } from '../src/sentiment/train/train-model.js';

const arg = (name: string): string | undefined => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
};
const docs = Number(arg('docs') ?? 500_000);
const root = resolve(import.meta.dirname, '..');
const dataDir = resolve(arg('data') ?? process.env.PULSE_SENTIMENT_DATA ?? join(root, '..', 'shared', 'fixtures', 'sentiment'));
const corpus = Object.fromEntries(['en-umsab-val', 'it-umsab-val', 'en-tweeteval-emotion-val', 'da-xed-polarity-train', 'da-lcc']
  .map((f) => [f, parseLabelledText(readFileSync(join(dataDir, `${f}.jsonl`), 'utf8')).records]));
const sets = validationSets(corpus, DEFAULT_SETTINGS.seed);
const texts = [...sets.en, ...sets.it, ...sets.emotion, ...sets.da].map((r) => r.text);
const fmt = (n: number) => Math.round(n).toLocaleString('en-US');
const meanLength = texts.reduce((n, t) => n + t.length, 0) / texts.length;
console.log(`texts: the ${texts.length} validation texts (en, da, it; mean ${meanLength.toFixed(0)} characters), ${fmt(docs)} documents per measure`);

/** Documents per second of fn over `n` documents (after a warm-up), best of three runs. */
const rate = (fn: (text: string) => unknown, n: number): number => {
  for (let i = 0; i < Math.min(n, 20_000); i++) fn(texts[i % texts.length]!);
  let best = 0;
  for (let run = 0; run < 3; run++) {
    let sink = 0;
    const t0 = performance.now();
    for (let i = 0; i < n; i++) if (fn(texts[i % texts.length]!) !== null) sink++;
    const ms = performance.now() - t0;
    if (sink !== n) throw new Error('lost a result');
    best = Math.max(best, (n / ms) * 1000);
  }
  return best;
};

const t0 = performance.now();
const pulse = createAnalyzer();
console.log(`Pulse model loaded in ${(performance.now() - t0).toFixed(0)} ms`);
const pulseRate = rate((t) => pulse.analyze(t), docs);
console.log(`Pulse (language + sentiment + emotion, one core): ${fmt(pulseRate)} documents/s`);

const Sentiment = createRequire(import.meta.url)('sentiment') as new () => { analyze(text: string): { score: number } };
const afinn = new Sentiment();
const packageRate = rate((t) => afinn.analyze(t), Math.max(10_000, Math.round(docs / 5)));
console.log(`sentiment npm package (sentiment only, same texts): ${fmt(packageRate)} documents/s`);
console.log(`ratio: Pulse is ${(pulseRate / packageRate).toFixed(1)}x the sentiment package's rate (target: >= 100,000 documents/s)`);
console.log(JSON.stringify({ docs, pulsePerSec: Math.round(pulseRate), sentimentPackagePerSec: Math.round(packageRate), ratio: Number((pulseRate / packageRate).toFixed(2)) }));
