/**
 * (Re)creates the demo workspace: deletes it if it exists, then ingests the seeded demo events
 * through the same pipeline as every import. Reproducible: the same seed and "now" give the same data.
 * The demo staff (one person per role, src/demo/staff.ts) and a sample policy come with it; people
 * who belonged to the old demo workspace keep their role in the new one.
 */
import { ingestEvents } from '../app/ingest-events.js';
import { EventLineSchema, toPulseEvent } from '../app/event-input.js';
import type { Repositories } from '../store/repositories.js';
import { DEMO_WORKSPACE, generateDemoEvents } from '../demo/generate-demo.js';
import type { PulseEvent } from '../domain/event.js';
import { AppError } from '../domain/errors.js';
import type { RouteDefinition } from '../domain/stages/route.js';
import { ensurePerson } from '../app/people.js';
import { ensureWorkspace } from '../app/workspaces.js';
import { DEMO_POLICY, DEMO_STAFF } from '../demo/staff.js';

const DEMO_B2B_ROUTE: RouteDefinition = {
  name: 'B2B accounts',
  stages: [
    { key: 'contact', name: 'Contact', rule: 'events >= 1', mode: 'sticky' },
    { key: 'lead', name: 'Lead', rule: 'messages + newsletter_signups >= 1 and interactions_90d >= 2', mode: 'sticky' },
    { key: 'account', name: 'Account', rule: 'purchases >= 2 and spend_365d >= 50000', mode: 'sticky' },
    { key: 'key_account', name: 'Key account', rule: 'spend_365d >= 150000', mode: 'live' },
  ],
};

export interface DemoSummary {
  workspace: string;
  customers: number;
  events: number;
  durationMs: number;
}

export const seedDemo = async (
  repos: Repositories,
  opts: { seed: number; customers: number; now: number; batchSize: number; clock: () => number; force?: boolean },
): Promise<DemoSummary> => {
  const started = opts.clock();
  const existing = await repos.workspaces.findBySlug(DEMO_WORKSPACE.slug);
  // People who belonged to the old demo workspace belong to the new one too.
  const members = existing === null ? [] : await repos.people.members(existing.id);
  if (existing !== null) {
    // Never wipe what someone imported into the demo workspace by hand.
    const foreign = (await repos.workspaces.sources(existing.id)).filter((s) => !s.startsWith('demo-'));
    if (foreign.length > 0 && !opts.force) {
      throw new AppError('validation_failed', `workspace "${DEMO_WORKSPACE.slug}" holds imported events (source ${foreign.slice(0, 3).join(', ')}); not recreated. Use --force to delete them, or import into another workspace (--workspace).`);
    }
    await repos.workspaces.remove(existing.id);
  }
  // Bikes cost 19,000–37,000 DKK: the demo brand's high-value threshold is 10,000 DKK a year. A B2B
  // route (dealers and companies buying for staff) shows that several routes live side by side.
  const workspace = await ensureWorkspace(repos, { slug: DEMO_WORKSPACE.slug, name: DEMO_WORKSPACE.name, currency: DEMO_WORKSPACE.currency, highValueThreshold: 10_000 }, opts.now);
  await repos.routes.save(workspace.id, DEMO_B2B_ROUTE, opts.now);
  for (const m of members) await repos.people.setMembership({ personId: m.id, workspaceId: workspace.id, role: m.role, trainee: m.trainee, now: m.joinedAt });
  await Promise.all(DEMO_STAFF.map((p) => ensurePerson(repos, { ...p, workspaceId: workspace.id }, opts.now)));
  await repos.policies.publish(workspace.id, { text: DEMO_POLICY, createdBy: 'demo', now: opts.now });
  let batch: PulseEvent[] = [];
  let events = 0;
  const flush = async () => {
    if (batch.length === 0) return;
    const result = await ingestEvents(repos, workspace, batch, opts.now);
    events += result.accepted;
    batch = [];
  };
  for (const line of generateDemoEvents({ seed: opts.seed, now: opts.now, customers: opts.customers })) {
    // The generator is ours, but its lines still pass the same schema as any import.
    batch.push(toPulseEvent(EventLineSchema.parse(line), JSON.stringify(line)));
    if (batch.length >= opts.batchSize) await flush();
  }
  await flush();
  const { customers } = await repos.customers.count(workspace.id);
  return { workspace: workspace.slug, customers, events, durationMs: opts.clock() - started };
};
