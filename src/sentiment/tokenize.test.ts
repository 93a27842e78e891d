import { describe, expect, it } from 'vitest';
import { hashWord } from './hash.js';
import {
  BREAK, CAPS, ELONGATED, EMOJI, EMOTICON, EXCLAIM, HASHTAG, MENTION, NUMBER, QUESTION, REPEATED, TokenBuffer, URL, WORD, tokenize,
} from './tokenize.js';

const NAMES: Record<number, string> = { [WORD]: 'w', [NUMBER]: 'num', [EMOJI]: 'emoji', [EMOTICON]: 'emoticon', [URL]: 'url', [MENTION]: '@', [EXCLAIM]: '!', [QUESTION]: '?', [BREAK]: '.' };

/** Tokens as readable strings: words as their normalised text, the rest by kind. */
const tokens = (text: string): string[] => {
  const buf = tokenize(text, new TokenBuffer());
  const out: string[] = [];
  for (let t = 0; t < buf.count; t++) {
    const k = buf.kind[t]!;
    out.push(k === WORD ? String.fromCodePoint(...buf.chars.slice(buf.start[t], buf.end[t])) : NAMES[k]!);
  }
  return out;
};

describe('tokenize', () => {
  it.each([
    ['I don\'t like it', ['i', 'dont', 'like', 'it']],
    ['I don’t like it', ['i', 'dont', 'like', 'it']],
    ['non funziona l\'app, c\'è un po\' di problema', ['non', 'funziona', 'l', 'app', '.', 'c', 'e', 'un', 'po', 'di', 'problema']],
    ['Det er IKKE godt!!!', ['det', 'er', 'ikke', 'godt', '!']],
    ['Nååå, den er sååå fin', ['nåå', '.', 'den', 'er', 'såå', 'fin']],
    ['perché è così', ['perche', 'e', 'cosi']],
    ['😡😡', ['emoji', 'emoji']],
    ['great😍😍👍🏽', ['great', 'emoji', 'emoji', 'emoji']],
    ['❤️ ♥', ['emoji', 'emoji']],
    ['ok :) :-( xD <3 great:)', ['ok', 'emoticon', 'emoticon', 'emoticon', 'emoticon', 'great', 'emoticon']],
    ['@user see https://t.co/abc #fail', ['@', 'see', 'url', 'fail']],
    ['10:30 on 24.12.2025, 1.5 kr.', ['num', 'on', 'num', '.', 'num', 'kr', '.']],
    ['why?! why', ['why', '?', '!', 'why']],
    ['okay i\\u2019m sorry\\u002c really', ['okay', 'im', 'sorry', '.', 'really']],
    ['Привет мир', ['привет', 'мир']],
  ])('%s', (text, expected) => {
    expect(tokens(text)).toEqual(expected);
  });

  it('flags shouting, elongation, hashtags and repeats', () => {
    const buf = tokenize('BAD sooooo #fail !!! :)))', new TokenBuffer());
    expect(buf.flags[0]! & CAPS).toBe(CAPS);
    expect(buf.flags[1]! & ELONGATED).toBe(ELONGATED);
    expect(buf.flags[2]! & HASHTAG).toBe(HASHTAG);
    expect(buf.flags[3]! & REPEATED).toBe(REPEATED);
    expect(buf.kind[4]).toBe(EMOTICON);
    expect(buf.flags[4]! & REPEATED).toBe(REPEATED);
  });

  it('hashes a word as hashWord does, and an elongated one also without the repeats', () => {
    const buf = tokenize('Goood paroleeeee', new TokenBuffer());
    expect(buf.hash[0]).toBe(hashWord('good'));
    expect(buf.hash[1]).toBe(hashWord('parolee'));
    expect(buf.hash1[1]).toBe(hashWord('parole'));
  });

  it('counts letters by script', () => {
    const buf = tokenize('Привет hello', new TokenBuffer());
    expect(buf.otherLetters).toBe(6);
    expect(buf.latinLetters).toBe(5);
  });

  it('reuses its buffers and grows them for long texts', () => {
    const buf = new TokenBuffer();
    tokenize('kort', buf);
    tokenize('ord '.repeat(5000), buf);
    expect(buf.count).toBe(5000);
    tokenize('kort igen', buf);
    expect(buf.count).toBe(2);
  });
});
