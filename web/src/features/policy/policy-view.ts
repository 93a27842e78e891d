/** Where a person stands with the workspace's policy: pure, so it is tested without a browser. */
import type { WorkspaceGrant } from '../../api/types.js';

/**
 * Should the shell ask this person to read and accept the policy? Only those it stops from replying
 * publicly (an analyst, who never replies, is not nagged; the Policy page is there for everyone).
 */
export const needsAcknowledgement = (grant: Pick<WorkspaceGrant, 'role' | 'policy' | 'reply'> | undefined): boolean =>
  grant !== undefined && grant.role !== null && grant.policy !== null && !grant.policy.acknowledged && grant.reply === 'needs_policy_acknowledgement';

/** Whether the editor's text differs from the published one (ignoring the ends' whitespace, as the server trims). */
export const isChanged = (draft: string, published: string | null): boolean => draft.trim() !== '' && draft.trim() !== (published ?? '').trim();
