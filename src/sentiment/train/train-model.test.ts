/** Training is reproducible: the same data, settings and seed give the same model file, byte for byte. */
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { createAnalyzerFrom } from '../analyzer.js';
import { decodeModel, encodeModel } from '../model.js';
import { loadTrainInput } from './sources.js';
import { DEFAULT_SETTINGS, trainModel, type TrainSettings } from './train-model.js';

const dataDir = fileURLToPath(new URL('../../../../shared/fixtures/sentiment', import.meta.url));
const modulesDir = fileURLToPath(new URL('../../../node_modules', import.meta.url));

// A small slice and a small model, so that the test takes a few seconds.
const input = loadTrainInput({ dataDir, modulesDir, maxPerFile: 40 });
const settings: TrainSettings = { ...DEFAULT_SETTINGS, features: { ...DEFAULT_SETTINGS.features, bits: 12 }, maxIterations: 20, otherTexts: 20 };

describe('trainModel', () => {
  const a = trainModel(input, settings);

  it('gives identical bytes for the same seed, and different ones for another seed', () => {
    const b = trainModel(input, settings);
    expect(a.bytes.length).toBeGreaterThan(1000);
    expect(Buffer.from(a.bytes).equals(Buffer.from(b.bytes))).toBe(true);
    const c = trainModel(input, { ...settings, seed: settings.seed + 1 });
    expect(Buffer.from(a.bytes).equals(Buffer.from(c.bytes))).toBe(false);
  });

  it('writes a file that reads back to the same model and analyses text', () => {
    const model = decodeModel(a.bytes);
    expect(Buffer.from(encodeModel(model)).equals(Buffer.from(a.bytes))).toBe(true);
    const result = createAnalyzerFrom(model).analyze('I love it!');
    expect(['negative', 'neutral', 'positive']).toContain(result.sentiment);
    expect(result.score).toBeGreaterThanOrEqual(-1);
    expect(result.score).toBeLessThanOrEqual(1);
  });

  it('refuses a file that is not a model', () => {
    expect(() => decodeModel(new TextEncoder().encode('not a model at all'))).toThrow(/not a Pulse sentiment model/);
  });
});
