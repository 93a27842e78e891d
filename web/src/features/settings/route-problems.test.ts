import { describe, expect, it } from 'vitest';
import { placeProblems, splitRule } from './route-problems.js';

describe('placeProblems', () => {
  it('puts stage problems beside their stage, without repeating the stage', () => {
    const placed = placeProblems([
      { stage: 4, field: 'rule', message: 'stage 5: unknown fact "purchase" at position 0 — did you mean "purchases"?', position: 0, length: 8 },
      { stage: null, field: 'name', message: 'a route needs a name' },
    ]);
    expect(placed.stages.get(4)).toEqual([{ field: 'rule', message: 'unknown fact "purchase" at position 0 — did you mean "purchases"?', position: 0, length: 8 }]);
    expect(placed.route).toEqual([{ field: 'name', message: 'a route needs a name' }]);
  });

  it('places schema problems by their path', () => {
    const placed = placeProblems([
      { field: 'stages.2.key', message: 'Too small' },
      { field: 'stages', message: 'Too small: expected array to have >=1 items' },
    ]);
    expect(placed.stages.get(2)).toEqual([{ field: 'key', message: 'Too small', schema: true }]);
    expect(placed.route).toEqual([{ field: 'stages', message: 'Too small: expected array to have >=1 items' }]);
  });
});

describe('splitRule', () => {
  it.each([
    ['purchase >= 2', 0, 8, { before: '', part: 'purchase', after: ' >= 2' }],
    ['purchases >=', 12, 0, { before: 'purchases >=', part: '', after: '' }],
    ['a', 5, 3, { before: 'a', part: '', after: '' }],
  ])('%j at %i+%i', (rule, position, length, parts) => {
    expect(splitRule(rule, position, length)).toEqual(parts);
  });
});
