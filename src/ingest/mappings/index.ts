/** `--mapping NAME|FILE`: a built-in CSV mapping by name, otherwise a mapping file (docs/import.md). */
import { AppError } from '../../domain/errors.js';
import type { CsvMapping } from '../source.js';
import { loadMappingFile } from './mapping-file.js';
import { onlineRetailMapping } from './online-retail.js';
import { twcsMapping } from './twcs.js';

export const BUILT_IN_MAPPINGS: Readonly<Record<string, CsvMapping>> = {
  [onlineRetailMapping.name]: onlineRetailMapping,
  [twcsMapping.name]: twcsMapping,
};

/** Resolves a built-in mapping name or the path of a mapping file. */
export const resolveMapping = async (nameOrPath: string): Promise<CsvMapping> => {
  const builtIn = Object.hasOwn(BUILT_IN_MAPPINGS, nameOrPath) ? BUILT_IN_MAPPINGS[nameOrPath] : undefined;
  if (builtIn !== undefined) return builtIn;
  try {
    return await loadMappingFile(nameOrPath);
  } catch (err) {
    // A bare word that is no file was most likely meant as a built-in name.
    if (err instanceof AppError && err.code === 'file_not_found' && !/[/\\.]/.test(nameOrPath)) {
      const names = Object.keys(BUILT_IN_MAPPINGS).join(', ');
      throw new AppError('mapping_invalid', `unknown mapping "${nameOrPath}": built-in mappings are ${names}; otherwise give the path of a mapping file (docs/import.md)`);
    }
    throw err;
  }
};
