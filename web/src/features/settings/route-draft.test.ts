import { describe, expect, it } from 'vitest';
import type { RouteSummary } from '../../api/types.js';
import { addStage, copyDraft, definitionOf, draftOf, isDirty, keyFromName, moveStage, removeStage, updateStage } from './route-draft.js';

const route: RouteSummary = {
  id: 1, name: 'Journey', version: 1, updatedAt: '2026-01-01T00:00:00.000Z',
  stages: [
    { key: 'contact', name: 'Contact', rule: 'events >= 1', mode: 'sticky' },
    { key: 'buyer', name: 'Buyer', rule: 'purchases >= 1', mode: 'sticky' },
  ],
};

describe('route draft', () => {
  it('is clean as loaded and dirty once changed back and forth only when it differs', () => {
    const d = draftOf(route);
    expect(isDirty(d)).toBe(false);
    const uid = d.stages[1]!.uid;
    const changed = updateStage(d, uid, { rule: 'purchases >= 2' });
    expect(isDirty(changed)).toBe(true);
    expect(isDirty(updateStage(changed, uid, { rule: 'purchases >= 1' }))).toBe(false);
  });

  it('moves, adds and removes stages', () => {
    const d = draftOf(route);
    const [a, b] = d.stages;
    expect(moveStage(d, b!.uid, -1).stages.map((s) => s.key)).toEqual(['buyer', 'contact']);
    expect(moveStage(d, a!.uid, -1)).toBe(d);
    expect(moveStage(d, b!.uid, 1)).toBe(d);
    expect(removeStage(d, a!.uid).stages.map((s) => s.key)).toEqual(['buyer']);
    const added = addStage(d);
    expect(definitionOf(added).stages[2]).toEqual({ key: '', name: '', rule: '', mode: 'sticky' });
  });

  it('derives a new stage key from its name until the key is edited', () => {
    const added = addStage(draftOf(route));
    const uid = added.stages[2]!.uid;
    const named = updateStage(added, uid, { name: 'Top fan!' });
    expect(named.stages[2]!.key).toBe('top_fan');
    const keyed = updateStage(named, uid, { key: 'fan' });
    expect(updateStage(keyed, uid, { name: 'Super fan' }).stages[2]!.key).toBe('fan');
    // Existing stages keep their key when renamed.
    expect(updateStage(added, added.stages[0]!.uid, { name: 'Hello' }).stages[0]!.key).toBe('contact');
  });

  it('copies to a new route, which always has something to save', () => {
    const copy = copyDraft(draftOf(route), 'Journey (copy)');
    expect(copy.base).toBeNull();
    expect(isDirty(copy)).toBe(true);
    expect(definitionOf(copy)).toEqual({ ...definitionOf(route), name: 'Journey (copy)' });
  });

  it.each([
    ['Multiple buyer', 'multiple_buyer'],
    ['Spokesperson / influencer', 'spokesperson_influencer'],
    ['Kunde på sø', 'kunde_pa_so'],
    ['3 purchases', 's_3_purchases'],
    ['!!!', ''],
  ])('keyFromName(%j) = %j', (name, key) => {
    expect(keyFromName(name)).toBe(key);
  });
});
