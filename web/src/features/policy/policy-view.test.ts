import { describe, expect, it } from 'vitest';
import { isChanged, needsAcknowledgement } from './policy-view.js';

describe('policy view', () => {
  it.each([
    [{ role: 'care_agent', policy: { version: 2, acknowledged: false }, reply: 'needs_policy_acknowledgement' }, true],
    [{ role: 'analyst', policy: { version: 2, acknowledged: false }, reply: 'forbidden' }, false],
    [{ role: 'care_agent', policy: { version: 2, acknowledged: true }, reply: 'allowed' }, false],
    [{ role: 'care_agent', policy: null, reply: 'allowed' }, false],
    [{ role: null, policy: { version: 2, acknowledged: false }, reply: 'allowed' }, false],
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
