/** How people read on the People page: pure, so it is tested without a browser. */
import type { Member, Role } from '../../api/types.js';

/** Every role, most rights first (the server's list, src/app/access.ts). */
export const ROLES: readonly Role[] = ['admin', 'head_of_social', 'pr', 'marketing', 'care_agent', 'analyst'];

/** Where a person stands with their account: invited (no password yet), must change a one-time password, or active. */
export type AccountState = 'invited' | 'one_time_password' | 'active' | 'disabled';

export const accountState = (m: Pick<Member, 'hasPassword' | 'mustChangePassword' | 'disabledAt'>): AccountState => {
  if (m.disabledAt !== null) return 'disabled';
  if (!m.hasPassword) return 'invited';
  return m.mustChangePassword ? 'one_time_password' : 'active';
};

/** The full address of a set-password link (the API answers its path on the UI's origin). */
export const linkUrl = (origin: string, path: string): string => `${origin.replace(/\/+$/, '')}${path}`;

/** How many admins the workspace keeps: the last one cannot be removed or made something else. */
export const adminCount = (members: readonly Pick<Member, 'role' | 'disabledAt'>[]): number =>
  members.filter((m) => m.role === 'admin' && m.disabledAt === null).length;

/** Would this change leave the workspace without an admin? (The server refuses it too; the UI says why first.) */
export const isLastAdmin = (member: Pick<Member, 'role'>, members: readonly Pick<Member, 'role' | 'disabledAt'>[]): boolean =>
  member.role === 'admin' && adminCount(members) <= 1;
