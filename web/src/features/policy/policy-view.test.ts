import { describe, expect, it } from 'vitest';
import { isChanged, needsAcknowledgement } from './policy-view.js';

describe('policy view', () => {
  it.each([
    [{ role: 'care_agent', policy: { version: 2, acknowledged: false } }, true],
    [{ role: 'analyst', policy: { version: 2, acknowledged: false } }, true],
    [{ role: 'care_agent', policy: { version: 2, acknowledged: true } }, false],
    [{ role: 'care_agent', policy: null }, false],
    [{ role: null, policy: { version: 2, acknowledged: false } }, false],
    [undefined, false],
  ] as const)('%o asks for an acknowledgement: %s', (grant, asks) => {
    expect(needsAcknowledgement(grant)).toBe(asks);
  });

  it.each([
    ['Be kind.', 'Be kind.', false],
    ['Be kind. \n', 'Be kind.', false],
    ['Be kind and quick.', 'Be kind.', true],
    ['   ', null, false],
    ['First words', null, true],
  ])('%j against %j changed: %s', (draft, published, changed) => {
    expect(isChanged(draft, published)).toBe(changed);
  });
});
