import { describe, expect, it } from 'vitest';
import da from './da.json';
import en from './en.json';
import it_ from './it.json';

type Tree = { [key: string]: string | Tree };

const keysOf = (tree: Tree, prefix = ''): string[] =>
  Object.entries(tree).flatMap(([k, v]) => (typeof v === 'string' ? [`${prefix}${k}`] : keysOf(v, `${prefix}${k}.`)));

const valueAt = (tree: Tree, key: string): string | undefined => {
  let node: string | Tree | undefined = tree;
  for (const part of key.split('.')) node = typeof node === 'object' ? node[part] : undefined;
  return typeof node === 'string' ? node : undefined;
};

const placeholders = (s: string) => [...s.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();

describe.each([['da', da as Tree], ['it', it_ as Tree]])('%s translations', (_lang, tr) => {
  const enKeys = keysOf(en as Tree);
  it('has exactly the English keys', () => {
    expect(keysOf(tr).sort()).toEqual([...enKeys].sort());
  });
  it('keeps every placeholder', () => {
    for (const key of enKeys) expect(placeholders(valueAt(tr, key) ?? ''), key).toEqual(placeholders(valueAt(en as Tree, key) ?? ''));
  });
  it('is translated, not copied (most strings differ from English)', () => {
    const same = enKeys.filter((k) => valueAt(tr, k) === valueAt(en as Tree, k));
    expect(same.length / enKeys.length).toBeLessThan(0.25);
  });
});
