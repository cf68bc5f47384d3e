import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { URI } from 'vscode-uri';
import { readChartValues, type ChartValues } from '../hovers/helmValues';

/** Reads a file's text (an open document's, else the disk's); undefined when there is none. */
export type ReadText = (uri: string) => string | undefined;

export const readFromDisk: ReadText = (uri) => {
  try {
    return readFileSync(URI.parse(uri).fsPath, 'utf8');
  } catch {
    return undefined;
  }
};

/** Charts nest (charts/<sub>/templates): the nearest Chart.yaml within this many folders up is the file's chart. */
const MAX_DEPTH = 12;

/** The folder of the chart whose templates/ holds `documentUri` (a folder with a Chart.yaml), if any. */
export function chartRootOf(documentUri: string, read: ReadText): string | undefined {
  const uri = URI.parse(documentUri);
  if (uri.scheme !== 'file') return undefined;
  const parts = path.dirname(uri.fsPath).split(path.sep);
  const templates = parts.lastIndexOf('templates');
  if (templates <= 0 || parts.length - templates > MAX_DEPTH) return undefined;
  const root = parts.slice(0, templates).join(path.sep) || path.sep;
  return read(URI.file(path.join(root, 'Chart.yaml')).toString()) !== undefined ? root : undefined;
}

/** The values.yaml of the chart `documentUri` is a template of, parsed; undefined outside a chart or without one. */
export function chartValuesFor(documentUri: string, read: ReadText = readFromDisk): ChartValues | undefined {
  const root = chartRootOf(documentUri, read);
  if (!root) return undefined;
  const uri = URI.file(path.join(root, 'values.yaml')).toString();
  const text = read(uri);
  return text === undefined ? undefined : readChartValues(uri, text);
}
