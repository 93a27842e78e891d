/**
 * `pulse sentiment`: language, sentiment and emotion of texts on stdin (JSON lines `{"id","text"}` or
 * plain lines), one JSON line out per text; `pulse sentiment eval FILE.jsonl`: accuracy and macro-F1
 * per language on a labelled file in the fixtures' format. No store is opened.
 * A bad line is reported on stderr with its number and reason, and the rest is processed; the exit
 * code is then 65.
 */
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import { InvalidArgumentError, type Command } from 'commander';
import { z } from 'zod';
import { AppError, isAppError } from '../../domain/errors.js';
import { parseLabelledLine, type LabelledRecord } from '../../sentiment/dataset.js';
import { evaluateRecords, type LanguageEvaluation } from '../../sentiment/evaluate.js';
import { analyzer, LANGUAGES, type ModelLanguage } from '../../sentiment/index.js';
import { EXIT_CODES } from '../exit-codes.js';
import { printJson } from '../output.js';

const MAX_TEXT = 100_000;

const TextLineSchema = z.object({
  id: z.union([z.string().max(200), z.number()], { error: 'expected a string or a number' }).optional(),
  text: z.string({ error: 'expected a string' }).max(MAX_TEXT),
  lang: z.string().max(16).optional(),
});

const langOption = (value: string): ModelLanguage => {
  if (!(LANGUAGES as readonly string[]).includes(value)) throw new InvalidArgumentError(`use one of ${LANGUAGES.join(', ')}`);
  return value as ModelLanguage;
};

/** Runs a command body, mapping failures to a message and an exit code (no store involved). */
const run = async (fn: () => Promise<void>): Promise<void> => {
  try {
    await fn();
  } catch (err) {
    if (isAppError(err)) {
      process.stderr.write(`pulse: ${err.message}\n`);
      process.exitCode = EXIT_CODES[err.code];
    } else {
      process.stderr.write(`pulse: unexpected error: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
      process.exitCode = EXIT_CODES.internal_error;
    }
  }
};

/** Buffered stdout: one write per ~64 KiB instead of one per line. */
const bufferedOut = () => {
  let chunk = '';
  return {
    write(s: string): void {
      chunk += s;
      if (chunk.length > 65_536) {
        process.stdout.write(chunk);
        chunk = '';
      }
    },
    flush(): void {
      if (chunk !== '') process.stdout.write(chunk);
      chunk = '';
    },
  };
};

type ParsedLine = { id: string | number; text: string; lang?: ModelLanguage } | { error: string };

/** A stdin line: a JSON object `{"id"?, "text", "lang"?}` when it starts with "{", else the text itself. */
const parseTextLine = (raw: string, lineNumber: number): ParsedLine => {
  const trimmed = raw.trim();
  if (trimmed === '') return { error: 'empty line' };
  if (!trimmed.startsWith('{')) return { id: lineNumber, text: raw };
  let json: unknown;
  try {
    json = JSON.parse(trimmed);
  } catch (err) {
    return { error: `not valid JSON (${err instanceof Error ? err.message : String(err)})` };
  }
  const parsed = TextLineSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    return { error: `${issue.path.length > 0 ? `${issue.path.join('.')}: ` : ''}${issue.message}` };
  }
  const lang = (LANGUAGES as readonly string[]).includes(parsed.data.lang ?? '') ? (parsed.data.lang as ModelLanguage) : undefined;
  return { id: parsed.data.id ?? lineNumber, text: parsed.data.text, ...(lang === undefined ? {} : { lang }) };
};

const pct = (v: number | null | undefined): string => (v === null || v === undefined ? '    -' : (100 * v).toFixed(1).padStart(5));

const printEvaluation = (file: string, result: Record<string, LanguageEvaluation>): void => {
  process.stdout.write(`${file}\n`);
  process.stdout.write('lang      n  lang-id  sentiment acc  macro-F1  emotion acc  macro-F1\n');
  for (const [lang, e] of Object.entries(result)) {
    process.stdout.write(`${lang.padEnd(5)} ${String(e.n).padStart(6)}  ${pct(e.languageAccuracy)}  ${' '.repeat(8)}${pct(e.sentiment?.accuracy)}     ${pct(e.sentiment?.macroF1)}  ${' '.repeat(6)}${pct(e.emotion?.accuracy)}     ${pct(e.emotion?.macroF1)}\n`);
  }
};

export const registerSentiment = (program: Command): void => {
  const sentiment = program
    .command('sentiment')
    .description('language, sentiment and emotion of texts (stdin: JSON lines {"id","text"} or plain lines; offline)')
    .addHelpText('after', `
Examples:
  pulse sentiment < texts.jsonl            one JSON line per text: {"id","lang","sentiment","score","emotion"}
  echo "Den virker ikke 😡" | pulse sentiment --lang da --json
  pulse sentiment eval labelled.jsonl      accuracy and macro-F1 per language`);

  sentiment
    .command('analyze', { isDefault: true })
    .description('read texts on stdin, write one JSON line per text: {"id","lang","sentiment","score","emotion"}')
    .option('--lang <code>', `the texts' language (${LANGUAGES.join(', ')}); default: detected per text`, langOption)
    .option('--json', 'JSON lines (the default when stdout is not a terminal)')
    .action((flags: { lang?: ModelLanguage; json?: boolean }) =>
      run(async () => {
        const a = analyzer();
        const asJson = flags.json === true || process.stdout.isTTY !== true;
        const out = bufferedOut();
        const lines = createInterface({ input: process.stdin, crlfDelay: Infinity });
        let lineNumber = 0;
        let bad = 0;
        let read = 0;
        for await (const raw of lines) {
          lineNumber++;
          const line = parseTextLine(raw, lineNumber);
          if ('error' in line) {
            bad++;
            process.stderr.write(`pulse: line ${lineNumber}: ${line.error}; skipped\n`);
            continue;
          }
          read++;
          const lang = flags.lang ?? line.lang;
          const r = a.analyze(line.text, lang === undefined ? undefined : { lang });
          if (asJson) out.write(`${JSON.stringify({ id: line.id, lang: r.lang, sentiment: r.sentiment, score: r.score, emotion: r.emotion })}\n`);
          else out.write(`${String(line.id).padEnd(8)} ${r.lang.padEnd(5)} ${r.sentiment.padEnd(8)} ${r.score.toFixed(3).padStart(6)}  ${r.emotion.padEnd(8)} ${line.text.replace(/\s+/g, ' ').slice(0, 60)}\n`);
        }
        out.flush();
        if (bad > 0) {
          process.stderr.write(`pulse: ${bad} of ${read + bad} lines skipped\n`);
          process.exitCode = EXIT_CODES.validation_failed;
        }
      }),
    );

  sentiment
    .command('eval')
    .description('accuracy and macro-F1 per language on a labelled JSONL file ({id, lang, text, label} or {…, emotions: [...]})')
    .argument('<file>', 'the labelled file')
    .option('--lang <code>', 'treat every text as this language instead of detecting it', langOption)
    .option('--given-lang', "give the analyser each line's own lang instead of detecting it")
    .option('--json', 'print JSON')
    .action((file: string, flags: { lang?: ModelLanguage; givenLang?: boolean; json?: boolean }) =>
      run(async () => {
        await stat(file).catch(() => {
          throw new AppError('file_not_found', `${file}: no such file`);
        });
        const records: LabelledRecord[] = [];
        let bad = 0;
        let lineNumber = 0;
        for await (const raw of createInterface({ input: createReadStream(file), crlfDelay: Infinity })) {
          lineNumber++;
          if (raw.trim() === '') continue;
          const r = parseLabelledLine(raw, lineNumber);
          if ('error' in r) {
            bad++;
            process.stderr.write(`pulse: ${file}: line ${lineNumber}: ${r.error}; skipped\n`);
          } else records.push(r);
        }
        const result = evaluateRecords(analyzer(), records, { lang: flags.lang, useGivenLanguage: flags.givenLang === true });
        if (flags.json) printJson({ file, records: records.length, skipped: bad, languages: result });
        else printEvaluation(file, result);
        if (bad > 0) {
          process.stderr.write(`pulse: ${bad} lines skipped\n`);
          process.exitCode = EXIT_CODES.validation_failed;
        }
        if (records.length === 0) throw new AppError('validation_failed', `${file}: no labelled lines`);
      }),
    );
};
