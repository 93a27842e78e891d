/** `pulse import FILE`: events from Pulse JSONL or CSV (with a mapping) through the ingestion pipeline. */
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { basename, extname, resolve } from 'node:path';
import cliProgress from 'cli-progress';
import type { Command } from 'commander';
import { AppError } from '../../domain/errors.js';
import { csvSource } from '../../ingest/csv-source.js';
import { importEvents } from '../../ingest/import-events.js';
import { jsonlSource } from '../../ingest/jsonl-source.js';
import { resolveMapping } from '../../ingest/mappings/index.js';
import type { EventSourceFactory } from '../../ingest/source.js';
import { printJson } from '../output.js';
import { runCommand } from '../run.js';

interface ImportFlags { format?: string; mapping?: string; workspace?: string; rejects?: string; json?: boolean }

const sourceFor = async (file: string, flags: ImportFlags): Promise<EventSourceFactory> => {
  const format = flags.format ?? (flags.mapping !== undefined || extname(file).toLowerCase() === '.csv' ? 'csv' : 'jsonl');
  if (format === 'jsonl') return jsonlSource;
  if (format !== 'csv') throw new AppError('unsupported_format', `unknown format "${format}": use jsonl or csv`);
  if (flags.mapping === undefined) throw new AppError('mapping_invalid', 'a CSV import needs --mapping (online-retail, twcs, or a mapping file; see docs/import.md)');
  return csvSource(await resolveMapping(flags.mapping));
};

export const registerImport = (program: Command): void => {
  program
    .command('import')
    .description('import events from a Pulse JSONL file or a CSV file with a column mapping')
    .argument('<file>', 'the file to import')
    .option('--format <format>', 'jsonl or csv (default: from the extension)')
    .option('--mapping <name|file>', 'CSV mapping: online-retail, twcs, or a mapping file (docs/import.md)')
    .option('--workspace <slug>', 'workspace to import into (default: PULSE_WORKSPACE)')
    .option('--rejects <path>', 'where to write rejected lines and warnings (default: data/rejects/<file>.<time>.jsonl)')
    .option('--json', 'print the summary as JSON')
    .action((file: string, flags: ImportFlags) =>
      runCommand(async (ctx) => {
        const path = resolve(file);
        const size = await stat(path).then((s) => s.size, () => {
          throw new AppError('file_not_found', `${file}: no such file`);
        });
        const factory = await sourceFor(path, flags);
        const workspace = await ctx.workspace(flags.workspace);
        const stamp = new Date(ctx.now()).toISOString().replace(/[:.]/g, '-');
        const rejectsPath = resolve(flags.rejects ?? `data/rejects/${basename(file)}.${stamp}.jsonl`);

        const input = createReadStream(path);
        const showBar = !flags.json && process.stderr.isTTY === true;
        const bar = showBar ? new cliProgress.SingleBar({ format: 'importing [{bar}] {percentage}% | {records} records | {eta_formatted} left', stream: process.stderr }, cliProgress.Presets.shades_classic) : null;
        bar?.start(size, 0, { records: 0 });

        const abort = new AbortController();
        const onSigint = () => abort.abort();
        process.once('SIGINT', onSigint);
        try {
          const summary = await importEvents({ ...ctx.repos, bus: ctx.bus }, workspace, factory(input), {
            file: basename(file), rejectsPath, batchSize: ctx.config.PULSE_BATCH_SIZE, now: ctx.now, signal: abort.signal,
            onProgress: (records) => bar?.update(input.bytesRead, { records }),
          });
          if (!summary.interrupted) bar?.update(size);
          bar?.stop();
          if (flags.json) printJson(summary);
          else {
            process.stdout.write(`${summary.interrupted ? 'Interrupted: stored what was read. ' : ''}Imported ${file} into "${workspace.slug}" in ${(summary.durationMs / 1000).toFixed(1)} s\n`);
            process.stdout.write(`  accepted ${summary.accepted}, duplicates ${summary.duplicates}, rejected ${summary.rejected}, warnings ${summary.warnings}, new customers ${summary.newCustomers}, customers linked and merged ${summary.merged}\n`);
            if (summary.rejectsFile !== null) process.stdout.write(`  rejects and warnings: ${summary.rejectsFile}\n`);
          }
          if (summary.interrupted) process.exitCode = 130;
        } finally {
          bar?.stop();
          process.off('SIGINT', onSigint);
          input.destroy();
        }
      }),
    );
};
