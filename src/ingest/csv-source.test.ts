import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { AppError } from '../domain/errors.js';
import { csvSource, recordToCsv } from './csv-source.js';
import type { CsvMapping, SourceItem } from './source.js';

/** A mapping that rejects every row, so the test sees each record's line, cells and exact text. */
const echo = (requiredColumns: string[] = ['a', 'b']): CsvMapping => ({
  name: 'echo',
  description: 'test',
  requiredColumns,
  createMapper: () => ({
    push: (record, line) => [{ line, ok: false, raw: 'rebuilt', problems: [{ field: 'record', reason: JSON.stringify(record) }] }],
    end: () => [],
  }),
});

const read = async (input: string | Buffer[], mapping = echo()): Promise<{ chunks: SourceItem[][]; items: SourceItem[] }> => {
  const chunks: SourceItem[][] = [];
  const stream = typeof input === 'string' ? Readable.from([Buffer.from(input)]) : Readable.from(input);
  for await (const chunk of csvSource(mapping)(stream)) chunks.push(chunk);
  return { chunks, items: chunks.flat() };
};

const rejects = (items: SourceItem[]) =>
  items.map((i) => (i.ok ? { line: i.line } : { line: i.line, raw: i.raw, problems: i.problems }));

describe('csvSource', () => {
  it('numbers each record by the line it starts on, through BOM, CRLF, blank lines and multi-line cells', async () => {
    const text = '\uFEFFa,b\r\n1,"two\r\nlines"\r\n\r\n3,"x"\r\n4,"😀\r\n\r\nthree"\r\n5,6';
    const { items } = await read(text);
    expect(rejects(items)).toEqual([
      { line: 2, raw: '1,"two\r\nlines"', problems: [{ field: 'record', reason: '{"a":"1","b":"two\\r\\nlines"}' }] },
      { line: 5, raw: '3,"x"', problems: [{ field: 'record', reason: '{"a":"3","b":"x"}' }] },
      { line: 6, raw: '4,"😀\r\n\r\nthree"', problems: [{ field: 'record', reason: '{"a":"4","b":"😀\\r\\n\\r\\nthree"}' }] },
      { line: 9, raw: '5,6', problems: [{ field: 'record', reason: '{"a":"5","b":"6"}' }] },
    ]);
  });

  it('gives the same lines and text when the bytes arrive in small pieces that split characters', async () => {
    const text = 'a,b\n1,"😀\nx"\n2,é\n';
    const bytes = Buffer.from(text);
    const pieces = Array.from({ length: Math.ceil(bytes.length / 3) }, (_, i) => bytes.subarray(i * 3, i * 3 + 3));
    const { items } = await read(pieces);
    expect(items.map((i) => [i.line, i.ok ? '' : i.raw])).toEqual([[2, '1,"😀\nx"'], [4, '2,é']]);
  });

  it('refuses a file whose header lacks the mapping’s columns, naming them', async () => {
    const err = await read('a,x\n1,2\n', echo(['a', 'b', 'c'])).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AppError);
    expect(err).toMatchObject({ code: 'mapping_invalid', message: 'missing column(s) b, c for mapping echo' });
  });

  it('refuses an empty file when the mapping needs columns', async () => {
    await expect(read('')).rejects.toMatchObject({ code: 'mapping_invalid' });
  });

  it('rejects rows with the wrong number of fields and tolerates trailing empty cells', async () => {
    const { items } = await read('a,b\n1\n2,3,4\n5,6,,\n');
    expect(rejects(items)).toEqual([
      { line: 2, raw: '1', problems: [{ field: '(row)', reason: 'expected 2 fields, found 1' }] },
      { line: 3, raw: '2,3,4', problems: [{ field: '(row)', reason: 'expected 2 fields, found 3' }] },
      { line: 4, raw: '5,6,,', problems: [{ field: 'record', reason: '{"a":"5","b":"6"}' }] },
    ]);
  });

  it('takes a quote inside an unquoted cell literally', async () => {
    const { items } = await read('a,b\n1,5" screen\n');
    expect(rejects(items)[0]?.problems).toEqual([{ field: 'record', reason: '{"a":"1","b":"5\\" screen"}' }]);
  });

  it('reports an unclosed quote as one reject and keeps the rows before it', async () => {
    const { items } = await read('a,b\n1,2\n3,"never closed\n5,6\n7,8\n');
    expect(rejects(items)).toEqual([
      { line: 2, raw: '1,2', problems: [{ field: 'record', reason: '{"a":"1","b":"2"}' }] },
      {
        line: 3,
        raw: '3,"never closed\n5,6\n7,8',
        problems: [{ field: '(row)', reason: 'a quoted field opened here is never closed, so lines 3–5 could not be read' }],
      },
    ]);
  });

  it('yields chunks of 1,000 items', async () => {
    const rows = Array.from({ length: 2_500 }, (_, i) => `${i},x`).join('\n');
    const { chunks } = await read(`a,b\n${rows}\n`);
    expect(chunks.map((c) => c.length)).toEqual([1_000, 1_000, 500]);
    expect(chunks[2]?.at(-1)?.line).toBe(2_501);
  });

  it('emits what the mapper holds back after the last row', async () => {
    const held: CsvMapping = {
      ...echo(),
      createMapper: () => {
        let n = 0;
        return {
          push: () => { n += 1; return []; },
          end: () => [{ line: 1, ok: false, raw: '', problems: [{ field: 'count', reason: String(n) }] }],
        };
      },
    };
    const { items } = await read('a,b\n1,2\n3,4\n', held);
    expect(rejects(items)).toEqual([{ line: 1, raw: '', problems: [{ field: 'count', reason: '2' }] }]);
  });
});

describe('recordToCsv', () => {
  it.each([
    [{ a: '1', b: 'x' }, '1,x'],
    [{ a: 'x,y', b: 'say "hi"' }, '"x,y","say ""hi"""'],
    [{ a: 'two\nlines' }, '"two\nlines"'],
  ])('writes %j as %s', (record, csv) => {
    expect(recordToCsv(record)).toBe(csv);
  });
});
