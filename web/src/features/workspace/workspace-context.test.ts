import { describe, expect, it } from 'vitest';
import { pickWorkspace } from './workspace-context.js';

const ws = (slug: string) => ({ slug, name: slug, currency: 'EUR', createdAt: '2026-01-01T00:00:00.000Z' });

describe('pickWorkspace', () => {
  it.each([
    [['a', 'demo', 'b'], null, 'demo'],
    [['a', 'b'], null, 'a'],
    [['a', 'demo', 'b'], 'b', 'b'],
    [['a', 'demo'], 'gone', 'demo'],
  ])('%j with %s stored picks %s', (slugs, stored, picked) => {
    expect(pickWorkspace(slugs.map(ws), stored)?.slug).toBe(picked);
  });
  it('answers null for no workspaces', () => {
    expect(pickWorkspace([], 'demo')).toBeNull();
  });
});
