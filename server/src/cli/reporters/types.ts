import type { CatalogEntry } from '../../analysis/ruleCatalog';
import type { FileReport } from '../lint';

/** What every reporter gets: the files with their findings (already filtered by --quiet), and what it needs around them. */
export interface ReportInput {
  files: readonly FileReport[];
  catalog: readonly CatalogEntry[];
  version: string;
  /** The folder relative paths are taken from (SARIF's source root). */
  cwd: string;
  /** Only the findings: no summary line. */
  quiet: boolean;
}

export type Reporter = (input: ReportInput) => string;
