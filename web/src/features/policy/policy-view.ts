/** Where a person stands with the workspace's policy: pure, so it is tested without a browser. */
import type { WorkspaceGrant } from '../../api/types.js';

/** Should the shell ask this person to read and accept the policy? Only a person, only a policy not yet acknowledged. */
export const needsAcknowledgement = (grant: Pick<WorkspaceGrant, 'role' | 'policy'> | undefined): boolean =>
  grant !== undefined && grant.role !== null && grant.policy !== null && !grant.policy.acknowledged;

/** Whether the editor's text differs from the published one (ignoring the ends' whitespace, as the server trims). */
export const isChanged = (draft: string, published: string | null): boolean => draft.trim() !== '' && draft.trim() !== (published ?? '').trim();
