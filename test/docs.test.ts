/** The documents users rely on stay true to the code. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { EventLineSchema } from '../src/app/event-input.js';
import { describeConfig } from '../src/config.js';

const read = (path: string) => readFileSync(new URL(`../${path}`, import.meta.url), 'utf8');

describe('documentation', () => {
  it('docs/events.schema.json is the JSON Schema of the event line the importer parses', () => {
    const generated = z.toJSONSchema(EventLineSchema, { io: 'input', unrepresentable: 'any' });
    expect(JSON.parse(read('docs/events.schema.json'))).toEqual(JSON.parse(JSON.stringify(generated)));
  });

  it('the README documents every configuration variable', () => {
    const readme = read('README.md');
    for (const v of describeConfig()) expect(readme, v.name).toContain(`\`${v.name}\``);
  });
});
