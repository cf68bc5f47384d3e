import type { Location, Position } from 'vscode-languageserver';
import { symbolAt, volumeSpans } from '../../workspace/symbolAt';
import type { FeatureContext } from '../context';
import { anchorDefinition } from './anchors';
import { valuesDefinition } from './helmValues';
import { toRange } from './ranges';

/**
 * Go to definition: a volumeMount's name -> the volume; a claimName -> the PersistentVolumeClaim; a ConfigMap/Secret
 * name -> its manifest; a Service's selector -> the pod templates it selects; in a Helm template, `.Values.a.b` -> values.yaml;
 * an alias -> its anchor.
 */
export function definition(context: FeatureContext, position: Position): Location[] {
  const { document, file, workspace } = context;
  const values = valuesDefinition(context, document.offsetAt(position));
  if (values) return values;
  const anchor = anchorDefinition(context, document.offsetAt(position));
  if (anchor) return anchor;
  const symbol = symbolAt(file, document.offsetAt(position));
  if (!symbol) return [];
  const { index } = workspace;
  const namespace = symbol.resource.namespace;
  switch (symbol.type) {
    case 'volume':
      return volumeSpans(symbol.template, symbol.name).declarations.map((span) => ({ uri: document.uri, range: toRange(document, span) }));
    case 'claim':
      return index.named('PersistentVolumeClaim', symbol.name, namespace).map((summary) => ({ uri: summary.uri, range: summary.nameRange }));
    case 'config':
      return index.configProviders(symbol.kind, symbol.name, namespace).map((summary) => ({ uri: summary.uri, range: summary.nameRange }));
    case 'selector':
      return index.podTemplatesSelectedBy(symbol.selector, namespace)
        .map((summary) => ({ uri: summary.uri, range: summary.template?.labelsRange ?? summary.nameRange }));
    default:
      return [];
  }
}
