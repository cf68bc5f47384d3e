import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Severity } from '../../findings/finding';
import type { Reporter } from './types';

const LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', information: 'note', hint: 'note' };
const SRCROOT = '%SRCROOT%';

/** SARIF 2.1.0: one run, every code Podlab can report as a rule (help URI, default level), every result with its exact region. */
export const sarifReporter: Reporter = ({ files, catalog, version, cwd }) => {
  const ruleIndex = new Map(catalog.map((entry, index) => [entry.id, index]));
  const rules = catalog.map((entry) => ({
    id: entry.id,
    shortDescription: { text: firstSentence(entry.description) },
    fullDescription: { text: entry.description },
    helpUri: entry.docsUrl,
    help: { text: `${entry.description} See ${entry.docsUrl}` },
    defaultConfiguration: { level: LEVEL[entry.severity] },
    properties: { fixable: entry.fixable, configurable: entry.configurable },
  }));
  const results = files.flatMap((file) => file.findings.map((finding) => ({
    ruleId: finding.rule,
    ...(ruleIndex.has(finding.rule) ? { ruleIndex: ruleIndex.get(finding.rule) } : {}),
    level: LEVEL[finding.severity],
    message: { text: finding.message },
    locations: [{
      physicalLocation: {
        artifactLocation: artifactLocation(cwd, file.path),
        region: { startLine: finding.line, startColumn: finding.column, endLine: finding.endLine, endColumn: finding.endColumn },
      },
    }],
    properties: { severity: finding.severity, fixAvailable: finding.fixAvailable },
  })));
  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [{
      tool: { driver: { name: 'podlab', semanticVersion: version, version, informationUri: 'https://github.com/podlab/podlab', rules } },
      originalUriBaseIds: { [SRCROOT]: { uri: `${pathToFileURL(cwd).href.replace(/\/?$/, '/')}` } },
      columnKind: 'utf16CodeUnits',
      results,
    }],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
};

/** Relative to the source root when the file is under it (what code scanning expects), else an absolute file URI. */
function artifactLocation(cwd: string, file: string): { uri: string; uriBaseId?: string } {
  const relative = path.relative(cwd, file);
  if (relative.startsWith('..') || path.isAbsolute(relative)) return { uri: pathToFileURL(file).href };
  return { uri: relative.split(path.sep).map(encodeURIComponent).join('/'), uriBaseId: SRCROOT };
}

function firstSentence(text: string): string {
  const end = text.search(/\.(\s|$)/);
  return end < 0 ? text : text.slice(0, end + 1);
}
