/** Emoticons the tokenizer reads as tokens (":-)", "<3", ":'("), longest first, with a repeated last character allowed. */
import { hashWord } from './hash.js';
import { boundaryAfter, matchesAt } from './chars.js';

export interface Emoticon { text: string; hash: number }

/** Emoticons (lower case), matched longest first; "xD" is read with the words. */
const EMOTICONS: readonly string[] = [
  ":-)", ":)", ":-]", ":]", ":-}", ":}", "=)", ":-d", ":d", "=d", ";-)", ";)", ";-d", ";d", ":-p", ":p", ";-p", ";p", "=p",
  ":-(", ":(", ":-[", ":[", ":-{", ":{", "=(", ":'(", ":'-(", ":'-)", ":')", ":-/", ":/", ":-\\", ":\\", ":-|", ":|", ":-o", ":o",
  ":-*", ":*", ":-?", ":-@", ":@", ">:(", ">:-(", ">:)", "<3", "</3", "^^", "^_^", "-_-", "-.-", ":-s", ":s", ":-x", ":x",
  ":-$", ":$",
];

export const EMOTICON_BY_FIRST = (() => {
  const m = new Map<number, Emoticon[]>();
  for (const e of [...EMOTICONS].sort((a, b) => b.length - a.length)) {
    const entry = { text: e, hash: hashWord(e) };
    for (const first of new Set([e.charCodeAt(0), e.toUpperCase().charCodeAt(0)])) {
      const list = m.get(first) ?? [];
      list.push(entry);
      m.set(first, list);
    }
  }
  return m;
})();

// The emoticon found by the last matchEmoticon (module state: no allocation).
export let matched: Emoticon | null = null;

/** The end of the emoticon at text[i] (its last character may repeat: ":)))"), or 0. */
export const matchEmoticon = (text: string, i: number, list: readonly Emoticon[]): number => {
  for (const e of list) {
    if (!matchesAt(text, i, e.text)) continue;
    let j = i + e.text.length;
    const lastChar = text.charCodeAt(j - 1);
    while (j < text.length && text.charCodeAt(j) === lastChar) j++;
    if (boundaryAfter(text, j)) {
      matched = e;
      return j;
    }
  }
  return 0;
};
