/**
 * The workspace's social media policy: its text lives in Pulse, in versions. A person must
 * acknowledge the current version before replying publicly; a new version needs a new
 * acknowledgement. `publicReplyDecision` is the one rule the inbox asks before a reply goes out.
 */
import { z } from 'zod';
import { AppError } from '../domain/errors.js';
import { actorLabel, replyDecision, requirePermission, type Access } from './access.js';
import { recordAudit } from './audit.js';
import { parseInput } from './parse-input.js';
import type { AuditStore, Policy, PolicyStore } from './ports.js';

export interface PolicyDeps {
  policies: PolicyStore;
  audit: AuditStore;
}

export const PolicyTextSchema = z.object({ text: z.string().trim().min(1, 'the policy needs some text').max(50_000) });
export const AcknowledgementSchema = z.object({ version: z.number().int().positive() });

export interface PolicyView {
  policy: Policy | null;
  /** When the asking person acknowledged the current version (null: not yet, or not a person). */
  acknowledgedAt: number | null;
}

export const getPolicy = async (deps: Pick<PolicyDeps, 'policies'>, access: Access): Promise<PolicyView> => {
  requirePermission(access, 'read');
  const policy = await deps.policies.current(access.workspace.id);
  const acknowledgedAt = policy !== null && access.actor.kind === 'person' ? await deps.policies.acknowledgedAt(access.actor.personId, policy.id) : null;
  return { policy, acknowledgedAt };
};

/** Publishes a new version of the policy; everyone must acknowledge it again. */
export const publishPolicy = async (deps: PolicyDeps, access: Access, input: z.input<typeof PolicyTextSchema>, now: number): Promise<Policy> => {
  requirePermission(access, 'editPolicy');
  const { text } = parseInput(PolicyTextSchema, input);
  const policy = await deps.policies.publish(access.workspace.id, { text, createdBy: actorLabel(access.actor), now });
  await recordAudit(deps.audit, access, { action: 'policy.published', target: `policy:${policy.version}`, details: { version: policy.version, length: text.length } }, now);
  return policy;
};

/** A person acknowledges the version they read; it must still be the current one. */
export const acknowledgePolicy = async (deps: PolicyDeps, access: Access, input: z.input<typeof AcknowledgementSchema>, now: number): Promise<PolicyView> => {
  requirePermission(access, 'read');
  const { version } = parseInput(AcknowledgementSchema, input);
  if (access.actor.kind !== 'person') throw new AppError('forbidden', 'only a person can acknowledge the policy');
  const policy = await deps.policies.current(access.workspace.id);
  if (policy === null) throw new AppError('not_found', 'this workspace has no policy yet');
  if (policy.version !== version) throw new AppError('conflict', `version ${version} is not the current policy (version ${policy.version}); read it again`, { details: { current: policy.version } });
  await deps.policies.acknowledge(access.actor.personId, policy.id, now);
  await recordAudit(deps.audit, access, { action: 'policy.acknowledged', target: `policy:${policy.version}`, details: { version: policy.version } }, now);
  return { policy, acknowledgedAt: await deps.policies.acknowledgedAt(access.actor.personId, policy.id) };
};

/**
 * May this actor reply publicly now, and if not, why: a person must have acknowledged the current
 * policy (a workspace without a policy has nothing to acknowledge); a trainee's reply needs approval.
 */
export const publicReplyDecision = async (deps: Pick<PolicyDeps, 'policies'>, access: Access): Promise<ReturnType<typeof replyDecision>> => {
  const { policy, acknowledgedAt } = await getPolicy(deps, access);
  return replyDecision(access, policy === null || acknowledgedAt !== null);
};
