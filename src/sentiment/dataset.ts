/**
 * Labelled text in the fixtures' format (JSON lines `{id, lang, text, label}` or `{…, emotions:[…]}`),
 * parsed at the edge with Zod, and the mapping of each corpus's labels onto Pulse's sets:
 * sentiment negative/neutral/positive; emotion anger, joy, sadness, fear, surprise, trust, none.
 * TweetEval's "optimism" is joy (Plutchik: joy + anticipation); XED's "disgust" is anger; XED's
 * "anticipation" has no Pulse emotion and is not scored.
 */
import { z } from 'zod';
import { SENTIMENT_CLASSES, type Emotion, type Sentiment } from './model.js';
import { LANGUAGES, type ModelLanguage } from './rules.js';

export const LabelledLineSchema = z.object({
  id: z.union([z.string().max(200), z.number()]).optional(),
  lang: z.string().max(16).optional(),
  text: z.string().max(100_000),
  label: z.string().max(32).optional(),
  emotions: z.array(z.string().max(32)).max(16).optional(),
}).refine((l) => l.label !== undefined || l.emotions !== undefined, { message: 'needs "label" or "emotions"' });

export type LabelledLine = z.infer<typeof LabelledLineSchema>;

export interface LabelledRecord {
  line: number;
  id: string;
  /** The language the file says, when it is one of the model's. */
  lang: ModelLanguage | null;
  text: string;
  sentiment: Sentiment | null;
  /** Pulse emotions of the text (several for multi-label corpora), or null when it has none to score. */
  emotions: Emotion[] | null;
}

const EMOTION_MAP: Record<string, Emotion | null> = {
  anger: 'anger', disgust: 'anger', joy: 'joy', optimism: 'joy', love: 'joy', sadness: 'sadness', fear: 'fear',
  surprise: 'surprise', trust: 'trust', anticipation: null, none: 'none', neutral: 'none', 'no emotion': 'none',
};

/** Maps a corpus's emotion label to Pulse's; undefined for a label that is not an emotion at all. */
export const mapEmotion = (label: string): Emotion | null | undefined => EMOTION_MAP[label.toLowerCase()];

const SENTIMENT_ALIASES: Record<string, Sentiment> = { neg: 'negative', neu: 'neutral', pos: 'positive' };

const isSentiment = (label: string): label is Sentiment => (SENTIMENT_CLASSES as readonly string[]).includes(label);

/** Turns a parsed line into a record, or returns why it cannot be scored. */
export const toRecord = (line: LabelledLine, lineNumber: number): LabelledRecord | { error: string } => {
  const lang = (LANGUAGES as readonly string[]).includes(line.lang ?? '') ? (line.lang as ModelLanguage) : null;
  let sentiment: Sentiment | null = null;
  let emotions: Emotion[] | null = null;
  if (line.label !== undefined) {
    const label = SENTIMENT_ALIASES[line.label.toLowerCase()] ?? line.label.toLowerCase();
    if (isSentiment(label)) sentiment = label;
    else {
      const e = mapEmotion(label);
      if (e === undefined) return { error: `label: "${line.label}" is neither a sentiment (negative, neutral, positive) nor an emotion` };
      emotions = e === null ? null : [e];
    }
  }
  if (line.emotions !== undefined) {
    const mapped = new Set<Emotion>();
    for (const raw of line.emotions) {
      const e = mapEmotion(raw);
      if (e === undefined) return { error: `emotions: "${raw}" is not an emotion` };
      if (e !== null) mapped.add(e);
    }
    emotions = mapped.size > 0 ? [...mapped] : null;
  }
  return { line: lineNumber, id: line.id === undefined ? String(lineNumber) : String(line.id), lang, text: line.text, sentiment, emotions };
};

/** Parses one JSON line of a labelled file: a record, or an error naming the reason. */
export const parseLabelledLine = (raw: string, lineNumber: number): LabelledRecord | { error: string } => {
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch {
    return { error: 'not valid JSON' };
  }
  const parsed = LabelledLineSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    return { error: `${issue.path.length > 0 ? `${issue.path.join('.')}: ` : ''}${issue.message}` };
  }
  return toRecord(parsed.data, lineNumber);
};

/** Parses a whole labelled file's text (blank lines skipped); errors are collected, not thrown. */
export const parseLabelledText = (text: string): { records: LabelledRecord[]; errors: { line: number; error: string }[] } => {
  const records: LabelledRecord[] = [];
  const errors: { line: number; error: string }[] = [];
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i]!.trim();
    if (raw === '') continue;
    const r = parseLabelledLine(raw, i + 1);
    if ('error' in r) errors.push({ line: i + 1, error: r.error });
    else records.push(r);
  }
  return { records, errors };
};
