/**
 * `npm run train:sentiment`: trains Pulse's sentiment, emotion and language model from the labelled
 * fixtures and writes models/sentiment/pulse-sentiment.bin. Prints the validation figures.
 *
 * Options: --data DIR (default: PULSE_SENTIMENT_DATA or ../shared/fixtures/sentiment beside the
 * repository), --seed N (42), --out FILE, --max-per-file N (a quick run on a slice).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import type { LanguageEvaluation } from '../src/sentiment/evaluate.js';
import { loadTrainInput } from '../src/sentiment/train/sources.js';
import { DEFAULT_SETTINGS, trainModel } from '../src/sentiment/train/train-model.js';

const root = resolve(import.meta.dirname, '..');
const arg = (name: string): string | undefined => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
};
const dataDir = resolve(arg('data') ?? process.env.PULSE_SENTIMENT_DATA ?? join(root, '..', 'shared', 'fixtures', 'sentiment'));
const seed = Number(arg('seed') ?? DEFAULT_SETTINGS.seed);
const out = resolve(arg('out') ?? join(root, 'models', 'sentiment', 'pulse-sentiment.bin'));
const maxPerFile = arg('max-per-file') === undefined ? undefined : Number(arg('max-per-file'));

const t0 = performance.now();
const input = loadTrainInput({ dataDir, modulesDir: join(root, 'node_modules'), maxPerFile });
const result = trainModel(input, { ...DEFAULT_SETTINGS, seed }, (line) => console.log(line));
mkdirSync(dirname(out), { recursive: true });
writeFileSync(out, result.bytes);

const pct = (v: number | undefined) => (v === undefined ? '   -' : (100 * v).toFixed(1).padStart(5));
const row = (name: string, e: LanguageEvaluation | null, head: 'sentiment' | 'emotion') => {
  const s = e?.[head] ?? null;
  console.log(`  ${name.padEnd(34)} n=${String(s?.n ?? 0).padStart(4)}  accuracy ${pct(s?.accuracy)}  macro-F1 ${pct(s?.macroF1)}  language id ${pct(e?.languageAccuracy ?? undefined)}`);
};
console.log('validation (held out; the model file as shipped, language detected):');
row('sentiment en (en-umsab-val)', result.validation.sentiment.en, 'sentiment');
row('sentiment da (seeded fifth of da-*)', result.validation.sentiment.da, 'sentiment');
row('sentiment it (it-umsab-val)', result.validation.sentiment.it, 'sentiment');
row('emotion en (en-tweeteval-emotion-val)', result.validation.emotion, 'emotion');
console.log(`wrote ${out} (${(result.bytes.length / 1024).toFixed(0)} KiB) in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
