import { describe, expect, it } from 'vitest';
import { accountState, isLastAdmin, linkUrl } from './people-view.js';

describe('people view', () => {
  it.each([
    [{ hasPassword: false, mustChangePassword: false, disabledAt: null }, 'invited'],
    [{ hasPassword: true, mustChangePassword: true, disabledAt: null }, 'one_time_password'],
    [{ hasPassword: true, mustChangePassword: false, disabledAt: null }, 'active'],
    [{ hasPassword: true, mustChangePassword: false, disabledAt: '2026-01-01T00:00:00.000Z' }, 'disabled'],
  ])('%o is %s', (m, state) => {
    expect(accountState(m)).toBe(state);
  });

  it.each([
    ['http://127.0.0.1:3000', '/reset/abc', 'http://127.0.0.1:3000/reset/abc'],
    ['https://pulse.example.com/', '/reset/abc', 'https://pulse.example.com/reset/abc'],
  ])('%s + %s', (origin, path, url) => {
    expect(linkUrl(origin, path)).toBe(url);
  });

  it('knows the last admin', () => {
    const admin = { role: 'admin' as const, disabledAt: null };
    const care = { role: 'care_agent' as const, disabledAt: null };
    expect(isLastAdmin(admin, [admin, care])).toBe(true);
    expect(isLastAdmin(admin, [admin, { ...admin }, care])).toBe(false);
    expect(isLastAdmin(care, [admin, care])).toBe(false);
    expect(isLastAdmin(admin, [admin, { role: 'admin', disabledAt: '2026-01-01T00:00:00.000Z' }])).toBe(true);
  });
});
