/**
 * The `pulse sentiment` contract, on the built CLI: JSON lines or plain lines in, one JSON line out
 * per text with the analyser's answer; a bad line is named on stderr with its number and reason and
 * the rest still processed; `pulse sentiment eval` scores a labelled file per language.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { analyze } from '../src/sentiment/index.js';

const CLI = new URL('../bin/pulse.js', import.meta.url).pathname;
const dir = mkdtempSync(join(tmpdir(), 'pulse-sentiment-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const pulse = (args: string[], input = '') => {
  expect(existsSync(new URL('../dist/cli/main.js', import.meta.url)), 'run `npm run build:server` first (npm test does)').toBe(true);
  const r = spawnSync(process.execPath, [CLI, ...args], { input, encoding: 'utf8', env: { ...process.env, DATABASE_URL: `sqlite:${join(dir, 'unused.db')}` } });
  return { code: r.status, out: r.stdout, err: r.stderr };
};

const jsonLines = (out: string) => out.trim().split('\n').filter((l) => l !== '').map((l) => JSON.parse(l) as Record<string, unknown>);

describe('pulse sentiment', () => {
  it('answers each JSON or plain line with one JSON line, as analyze() does', () => {
    const texts = ['Den virker ikke 😡😡', 'I love this bike!', 'Non funziona, che schifo'];
    const input = `${JSON.stringify({ id: 'a1', text: texts[0] })}\n${texts[1]}\n${JSON.stringify({ id: 7, text: texts[2] })}\n`;
    const r = pulse(['sentiment'], input);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    const lines = jsonLines(r.out);
    expect(lines.map((l) => l.id)).toEqual(['a1', 2, 7]);
    lines.forEach((line, i) => {
      expect(Object.keys(line).sort()).toEqual(['emotion', 'id', 'lang', 'score', 'sentiment']);
      const expected = analyze(texts[i]!);
      expect(line).toEqual({ id: line.id, lang: expected.lang, sentiment: expected.sentiment, score: expected.score, emotion: expected.emotion });
    });
    expect(lines[0]).toMatchObject({ lang: 'da', sentiment: 'negative' });
    expect(lines[2]).toMatchObject({ lang: 'it', sentiment: 'negative' });
  });

  it('names each bad line on stderr, keeps going, and exits 65', () => {
    const input = ['{"id":1,"text":"Thanks, it works great"}', '{"id":2,"text":', '{"id":3}', '', '{"id":4,"text":"Grazie mille!"}'].join('\n');
    const r = pulse(['sentiment', '--json'], `${input}\n`);
    expect(jsonLines(r.out).map((l) => l.id)).toEqual([1, 4]);
    expect(r.err).toMatch(/line 2: not valid JSON/);
    expect(r.err).toMatch(/line 3: text: expected a string/);
    expect(r.err).toMatch(/line 4: empty line/);
    expect(r.code).toBe(65);
  });

  it('takes the language from --lang instead of detecting it', () => {
    const r = pulse(['sentiment', '--lang', 'da'], 'ok\n');
    expect(jsonLines(r.out)[0]).toMatchObject({ id: 1, lang: 'da' });
    const bad = pulse(['sentiment', '--lang', 'xx'], 'ok\n');
    expect(bad.code).not.toBe(0);
    expect(bad.err).toMatch(/--lang/);
  });

  it('eval prints accuracy and macro-F1 per language, and skips bad lines with their number', () => {
    const file = join(dir, 'labelled.jsonl');
    const lines = [
      { id: 'e1', lang: 'en', text: 'I love it, best purchase ever!', label: 'positive' },
      { id: 'e2', lang: 'en', text: 'Terrible service, never again.', label: 'negative' },
      { id: 'd1', lang: 'da', text: 'Den er virkelig dårlig, jeg er skuffet', label: 'negative' },
      { id: 'i1', lang: 'it', text: 'Bellissima, la adoro!', label: 'positive' },
      { id: 'x1', lang: 'en', text: 'So angry right now', label: 'anger' },
    ].map((l) => JSON.stringify(l));
    writeFileSync(file, `${lines.join('\n')}\n{"id":"bad","lang":"en"}\n`);
    const r = pulse(['sentiment', 'eval', file, '--json']);
    expect(r.err).toMatch(/line 6: /);
    expect(r.code).toBe(65);
    const report = JSON.parse(r.out) as { records: number; skipped: number; languages: Record<string, { n: number; sentiment: { accuracy: number; macroF1: number } | null; emotion: { macroF1: number } | null }> };
    expect(report.records).toBe(5);
    expect(report.skipped).toBe(1);
    expect(Object.keys(report.languages).sort()).toEqual(['da', 'en', 'it']);
    expect(report.languages.en!.n).toBe(3);
    for (const e of Object.values(report.languages)) {
      expect(e.sentiment!.accuracy).toBeGreaterThanOrEqual(0);
      expect(e.sentiment!.macroF1).toBeLessThanOrEqual(1);
    }
    expect(report.languages.en!.emotion).not.toBeNull();
    const text = pulse(['sentiment', 'eval', file]);
    expect(text.out).toMatch(/macro-F1/);
    expect(text.out).toMatch(/^en\s+3\s/m);
  });

  it('eval of a missing file fails with exit code 66', () => {
    const r = pulse(['sentiment', 'eval', join(dir, 'nope.jsonl')]);
    expect(r.code).toBe(66);
    expect(r.err).toMatch(/no such file/);
  });
});
