import { describe, expect, it } from 'vitest';
import { passwordProblem } from './password-rules.js';

describe('new passwords', () => {
  it.each([
    ['short', 'short', 'tooShort'],
    ['long enough', 'long enougH', 'mismatch'],
    ['long enough', 'long enough', null],
    ['æøåæøåæøåæ', 'æøåæøåæøåæ', null],
    ['x'.repeat(201), 'x'.repeat(201), 'tooLong'],
  ])('%s / %s → %s', (password, repeated, problem) => {
    expect(passwordProblem(password, repeated)).toBe(problem);
  });
});
