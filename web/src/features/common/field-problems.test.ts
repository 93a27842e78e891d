import { describe, expect, it } from 'vitest';
import { ApiError } from '../../api/client.js';
import { formProblems } from './field-problems.js';

const invalid = (details: unknown) => new ApiError(400, 'validation_failed', 'the whole message', details);

describe('formProblems', () => {
  it('puts each message next to its field, by path or field', () => {
    expect(formProblems(invalid([{ path: 'email', message: 'expected an email address' }, { field: 'name', message: 'too short' }]), ['email', 'name']))
      .toEqual({ fields: { email: 'expected an email address', name: 'too short' }, other: null });
  });

  it('reads a nested path by its first segment and joins two messages of one field', () => {
    expect(formProblems(invalid([{ path: 'scopes.0', message: 'invalid option' }, { path: 'scopes', message: 'too many' }]), ['scopes']))
      .toEqual({ fields: { scopes: 'invalid option; too many' }, other: null });
  });

  it('keeps problems of fields the form does not have for the form as a whole', () => {
    expect(formProblems(invalid([{ path: 'email', message: 'bad' }, { path: '', message: 'change something' }, { path: 'x', message: 'odd' }]), ['email']))
      .toEqual({ fields: { email: 'bad' }, other: 'change something; x: odd' });
  });

  it.each([
    ['an error without details', new ApiError(409, 'conflict', 'already in this workspace')],
    ['details that are not a list', new ApiError(409, 'conflict', 'already in this workspace', { current: 2 })],
    ['a list without messages', new ApiError(409, 'conflict', 'already in this workspace', [{ path: 'email' }])],
    ['a network failure', new Error('already in this workspace')],
  ])('answers the message for %s', (_what, err) => {
    expect(formProblems(err, ['email'])).toEqual({ fields: {}, other: 'already in this workspace' });
  });
});
