/**
 * `npx tsx scripts/sentiment-baselines.ts`: the npm packages Pulse's sentiment is compared with,
 * scored by Pulse's own evaluation on the same validation sets as `npm run train:sentiment`
 * (English and Italian UMSAB val, the seeded Danish fifth; language given, as the packages need it).
 * `sentiment` (AFINN-165; for Danish with AFINN-da registered), `vader-sentiment` (compound ±0.05),
 * `multilang-sentiment` (translated AFINN, per language). Score > 0 positive, < 0 negative, else neutral.
 * Options: --data DIR, --seed N (as for training).
 */
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import type { Analyzer } from '../src/sentiment/analyzer.js';
import type { LabelledRecord } from '../src/sentiment/dataset.js';
import { evaluateRecords } from '../src/sentiment/evaluate.js';
import { analyzer as pulseAnalyzer } from '../src/sentiment/index.js';
import type { Sentiment } from '../src/sentiment/model.js';
import type { ModelLanguage } from '../src/sentiment/rules.js';
import { loadTrainInput } from '../src/sentiment/train/sources.js';
import { DEFAULT_SETTINGS, validationSets } from '../src/sentiment/train/train-model.js';

const require = createRequire(import.meta.url);
const root = resolve(import.meta.dirname, '..');
const arg = (name: string): string | undefined => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
};
const dataDir = resolve(arg('data') ?? process.env.PULSE_SENTIMENT_DATA ?? join(root, '..', 'shared', 'fixtures', 'sentiment'));
const seed = Number(arg('seed') ?? DEFAULT_SETTINGS.seed);
const input = loadTrainInput({ dataDir, modulesDir: join(root, 'node_modules') });
const sets = validationSets(input.corpus, seed);

interface SentimentPackage { analyze(text: string, options?: { language?: string }): { score: number }; registerLanguage(code: string, lang: { labels: Record<string, number> }): void }
const SentimentCtor = require('sentiment') as new () => SentimentPackage;
const afinn = new SentimentCtor();
afinn.registerLanguage('da', { labels: Object.fromEntries(input.lexicons.afinnDa) });
const vader = (require('vader-sentiment') as { SentimentIntensityAnalyzer: { polarity_scores(t: string): { compound: number } } }).SentimentIntensityAnalyzer;
const multilang = require('multilang-sentiment') as (text: string, lang: string) => { score: number };

const label = (score: number, threshold = 0): Sentiment => (score > threshold ? 'positive' : score < -threshold ? 'negative' : 'neutral');
const adapter = (fn: (text: string, lang: ModelLanguage) => Sentiment): Analyzer => {
  const analyze: Analyzer['analyze'] = (text, options) => ({ lang: options?.lang ?? 'en', sentiment: fn(text, options?.lang ?? 'en'), score: 0, emotion: 'none' });
  return { analyze, explain: () => { throw new Error('not available'); } };
};
const systems: [string, Analyzer, ModelLanguage[]][] = [
  ['Pulse', pulseAnalyzer(), ['en', 'da', 'it']],
  ['sentiment (AFINN; da: AFINN-da)', adapter((t, l) => label(afinn.analyze(t, l === 'da' ? { language: 'da' } : undefined).score)), ['en', 'da']],
  ['vader-sentiment', adapter((t) => label(vader.polarity_scores(t).compound, 0.05)), ['en']],
  ['multilang-sentiment', adapter((t, l) => label(multilang(t, l).score)), ['en', 'da', 'it']],
];
const pct = (v: number) => (100 * v).toFixed(1).padStart(5);
const isLcc = (r: LabelledRecord) => r.id.includes('.csv:');
const groups: [string, ModelLanguage, LabelledRecord[]][] = [
  ['en: en-umsab-val', 'en', sets.en],
  [`da: seeded fifth of da-xed-polarity-train and da-lcc (seed ${seed})`, 'da', sets.da],
  ['   of which da-xed-polarity (film subtitles, positive/negative only)', 'da', sets.da.filter((r) => !isLcc(r))],
  ['   of which da-lcc (news and web sentences, labels from AFINN valence)', 'da', sets.da.filter(isLcc)],
  ['it: it-umsab-val', 'it', sets.it],
];
for (const [title, lang, records] of groups) {
  console.log(`${title}: ${records.length} texts`);
  for (const [name, analyzer, langs] of systems) {
    if (!langs.includes(lang)) continue;
    const t0 = performance.now();
    const e = evaluateRecords(analyzer, records, { useGivenLanguage: true })[lang]!;
    const ms = performance.now() - t0;
    console.log(`  ${name.padEnd(34)} accuracy ${pct(e.sentiment!.accuracy)}  macro-F1 ${pct(e.sentiment!.macroF1)}  (rough: ${Math.round((records.length / ms) * 1000).toLocaleString('en-US')} texts/s)`);
  }
}
