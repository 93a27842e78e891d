/**
 * `pulse people`, `pulse tokens`, `pulse audit`: the operator's way to manage who may use a
 * workspace, from the shell. The CLI acts as the local operator (systemAccess); all is audited.
 */
import type { Command } from 'commander';
import { ROLES, systemAccess, TOKEN_SCOPES, type Access, type Role } from '../../app/access.js';
import { listAudit } from '../../app/audit.js';
import { addPerson, issueOneTimePassword, issuePasswordReset, listPeople, removeMember, updateMember } from '../../app/people.js';
import { createToken, listTokens, revokeToken } from '../../app/tokens.js';
import { findWorkspace } from '../../app/workspaces.js';
import { AppError } from '../../domain/errors.js';
import { isoOrNull, printJson, printTable } from '../output.js';
import { cliActor, intOption, runCommand, type CommandContext } from '../run.js';

const roleOption = (value: string): Role => {
  if (!(ROLES as readonly string[]).includes(value)) throw new Error(`--role must be one of ${ROLES.join(', ')}`);
  return value as Role;
};

const access = async (ctx: CommandContext, slug: string | undefined): Promise<Access> =>
  systemAccess(await findWorkspace(ctx.repos.workspaces, slug ?? ctx.config.PULSE_WORKSPACE), cliActor());

const personId = async (ctx: CommandContext, email: string): Promise<number> => {
  const p = await ctx.repos.people.findByEmail(email);
  if (p === null) throw new AppError('not_found', `no one signs in as ${email}`);
  return p.id;
};

/** Where a link opens on this server (the UI's page for /reset/<token>). */
const linkUrl = (ctx: CommandContext, token: string): string =>
  `http://${ctx.config.HOST === '0.0.0.0' ? 'localhost' : ctx.config.HOST}:${ctx.config.PORT}/reset/${token}`;

const WS = ['--workspace <slug>', 'workspace (default: PULSE_WORKSPACE)'] as const;

export const registerPeople = (program: Command): void => {
  const people = program.command('people').description('who may use a workspace, with which role (admin, head_of_social, pr, marketing, care_agent, analyst)');
  people
    .command('list', { isDefault: true })
    .description('the people of a workspace')
    .option(...WS)
    .option('--json', 'print JSON')
    .action((flags: { workspace?: string; json?: boolean }) =>
      runCommand(async (ctx) => {
        const rows = (await listPeople(ctx.repos, await access(ctx, flags.workspace))).map((m) => ({
          id: m.id, email: m.email, name: m.name, role: m.role, trainee: m.trainee, password: m.hasPassword ? (m.mustChangePassword ? 'one-time' : 'set') : 'not set',
          disabled: isoOrNull(m.disabledAt), joined: isoOrNull(m.joinedAt),
        }));
        if (flags.json) printJson(rows);
        else printTable(rows);
      }),
    );
  people
    .command('add')
    .description('add a person to a workspace (someone new gets a link to set their password)')
    .argument('<email>', 'their email: what they sign in with')
    .requiredOption('--role <role>', `one of ${ROLES.join(', ')}`, roleOption)
    .option('--name <name>', 'their name (default: from the email)')
    .option('--trainee', 'their public replies need approval')
    .option(...WS)
    .action((email: string, flags: { role: Role; name?: string; trainee?: boolean; workspace?: string }) =>
      runCommand(async (ctx) => {
        const a = await access(ctx, flags.workspace);
        const { member, link } = await addPerson(ctx.repos, a, { email, name: flags.name ?? email.split('@')[0] ?? email, role: flags.role, trainee: flags.trainee ?? false }, ctx.now());
        process.stdout.write(`Added ${member.email} to "${a.workspace.slug}" as ${member.role}${member.trainee ? ' (trainee)' : ''}.\n`);
        if (link !== null) process.stdout.write(`Give them this link to set their password (shown once, valid until ${isoOrNull(link.expiresAt)}):\n  ${linkUrl(ctx, link.token)}\n`);
      }),
    );
  people
    .command('set')
    .description("change a person's role or trainee flag in a workspace")
    .argument('<email>')
    .option('--role <role>', `one of ${ROLES.join(', ')}`, roleOption)
    .option('--trainee', 'their public replies need approval')
    .option('--no-trainee', 'their public replies go out without approval')
    .option(...WS)
    .action((email: string, flags: { role?: Role; trainee?: boolean; workspace?: string }) =>
      runCommand(async (ctx) => {
        const m = await updateMember(ctx.repos, await access(ctx, flags.workspace), await personId(ctx, email), { role: flags.role, trainee: flags.trainee }, ctx.now());
        process.stdout.write(`${m.email} is now ${m.role}${m.trainee ? ' (trainee)' : ''}.\n`);
      }),
    );
  people
    .command('remove')
    .description('remove a person from a workspace (they keep their other workspaces)')
    .argument('<email>')
    .option(...WS)
    .action((email: string, flags: { workspace?: string }) =>
      runCommand(async (ctx) => {
        const a = await access(ctx, flags.workspace);
        await removeMember(ctx.repos, a, await personId(ctx, email), ctx.now());
        process.stdout.write(`Removed ${email} from "${a.workspace.slug}".\n`);
      }),
    );
  people
    .command('reset-password')
    .description('give a person a new one-time password (or, with --link, a link to set one); their sessions end')
    .argument('<email>')
    .option('--link', 'print a set-password link instead (their password keeps working until it is used)')
    .option(...WS)
    .action((email: string, flags: { link?: boolean; workspace?: string }) =>
      runCommand(async (ctx) => {
        const id = await personId(ctx, email);
        // Any workspace of theirs will do (the operator may reset anyone): the given one, or their first.
        const first = (await ctx.repos.people.memberships(id))[0];
        const ws = flags.workspace !== undefined ? await findWorkspace(ctx.repos.workspaces, flags.workspace) : (await ctx.repos.workspaces.list()).find((w) => w.id === first?.workspaceId);
        if (ws === undefined) throw new AppError('not_found', `${email} belongs to no workspace; add them to one first (pulse people add)`);
        const a = systemAccess(ws, cliActor());
        if (flags.link) {
          const link = await issuePasswordReset(ctx.repos, a, id, ctx.now());
          process.stdout.write(`Set-password link for ${email} (shown once, valid until ${isoOrNull(link.expiresAt)}):\n  ${linkUrl(ctx, link.token)}\n`);
          return;
        }
        const password = await issueOneTimePassword(ctx.repos, a, id, ctx.now());
        process.stdout.write(`One-time password for ${email} (shown once; they choose a new one when they sign in):\n  ${password}\n`);
      }),
    );

  const tokens = program.command('tokens').description('API tokens of a workspace (Authorization: Bearer pulse_…)');
  tokens
    .command('list', { isDefault: true })
    .description('the tokens of a workspace (never their secrets)')
    .option(...WS)
    .option('--json', 'print JSON')
    .action((flags: { workspace?: string; json?: boolean }) =>
      runCommand(async (ctx) => {
        const rows = (await listTokens(ctx.repos, await access(ctx, flags.workspace))).map((t) => ({
          id: t.id, name: t.name, prefix: t.prefix, scopes: t.scopes.join(','), created: isoOrNull(t.createdAt), by: t.createdBy,
          'last used': isoOrNull(t.lastUsedAt), revoked: isoOrNull(t.revokedAt),
        }));
        if (flags.json) printJson(rows);
        else printTable(rows);
      }),
    );
  tokens
    .command('create')
    .description('create a token; its secret is printed once')
    .requiredOption('--scopes <list>', `comma-separated: ${TOKEN_SCOPES.join(', ')} (admin includes all, write includes read)`)
    .option('--name <name>', 'what it is for', 'cli')
    .option(...WS)
    .option('--json', 'print JSON')
    .action((flags: { scopes: string; name: string; workspace?: string; json?: boolean }) =>
      runCommand(async (ctx) => {
        const scopes = flags.scopes.split(',').map((s) => s.trim()).filter((s) => s !== '') as never[];
        const { token, secret } = await createToken(ctx.repos, await access(ctx, flags.workspace), { name: flags.name, scopes }, ctx.now());
        if (flags.json) return printJson({ id: token.id, name: token.name, scopes: token.scopes, secret });
        process.stdout.write(`Token ${token.id} "${token.name}" (${token.scopes.join(', ')}). Its secret is shown only now:\n  ${secret}\n`);
      }),
    );
  tokens
    .command('revoke')
    .description('revoke a token (it stops working within seconds)')
    .argument('<id>', 'the token id (pulse tokens list)', intOption('id'))
    .option(...WS)
    .action((id: number, flags: { workspace?: string }) =>
      runCommand(async (ctx) => {
        const t = await revokeToken(ctx.repos, await access(ctx, flags.workspace), id, ctx.now());
        process.stdout.write(`Revoked token ${t.id} "${t.name}".\n`);
      }),
    );

  program
    .command('audit')
    .description('the audit log of a workspace, newest first (sign-ins, people, tokens, merges, rule changes…)')
    .option('--limit <n>', 'how many entries', intOption('--limit', 1, 10_000), 50)
    .option('--action <action>', 'only this action, e.g. token.created')
    .option('--instance', 'entries of no workspace (failed sign-ins with unknown emails)')
    .option(...WS)
    .option('--json', 'print JSON')
    .action((flags: { limit: number; action?: string; instance?: boolean; workspace?: string; json?: boolean }) =>
      runCommand(async (ctx) => {
        const query = { before: null, limit: flags.limit, action: flags.action ?? null };
        const items = flags.instance ? await ctx.repos.audit.list(null, query) : (await listAudit(ctx.repos.audit, await access(ctx, flags.workspace), query)).items;
        const rows = items.map((e) => ({ at: isoOrNull(e.at), actor: e.actor.label, action: e.action, target: e.target, ip: e.ip, details: e.details === null ? '' : JSON.stringify(e.details) }));
        if (flags.json) printJson(items.map((e) => ({ ...e, at: isoOrNull(e.at) })));
        else printTable(rows);
      }),
    );
};
