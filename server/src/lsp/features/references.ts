import type { Location, Position } from 'vscode-languageserver';
import type { ConfigKind } from '../../workspace/podTemplate';
import { symbolAt, volumeSpans } from '../../workspace/symbolAt';
import type { FeatureContext } from '../context';
import { anchorReferences } from './anchors';
import { toRange } from './ranges';

/**
 * Find references, the other way from go to definition: a PVC, ConfigMap or Secret -> the pods that use it;
 * a volume -> its mounts; pod template labels -> the Services that select them; a Service selector -> the pods;
 * an anchor or an alias -> the aliases of that anchor.
 */
export function references(context: FeatureContext, position: Position, includeDeclaration: boolean): Location[] {
  const { document, file, workspace } = context;
  const anchors = anchorReferences(context, document.offsetAt(position), includeDeclaration);
  if (anchors) return anchors;
  const symbol = symbolAt(file, document.offsetAt(position));
  if (!symbol) return [];
  const { index } = workspace;
  const namespace = symbol.resource.namespace;
  const here = (span: readonly [number, number]): Location => ({ uri: document.uri, range: toRange(document, span) });
  const claimUsers = (name: string) => index.claimUsers(name, namespace)
    .flatMap((summary) => summary.template!.claims.filter((claim) => claim.name === name).map((claim) => ({ uri: summary.uri, range: claim.range })));
  const configUsers = (kind: ConfigKind, name: string) => index.configUsers(kind, name, namespace)
    .flatMap((summary) => summary.template!.configRefs.filter((ref) => ref.kind === kind && ref.name === name).map((ref) => ({ uri: summary.uri, range: ref.range })));
  switch (symbol.type) {
    case 'volume': {
      const spans = volumeSpans(symbol.template, symbol.name);
      return [...(includeDeclaration ? spans.declarations : []), ...spans.mounts].map(here);
    }
    case 'claim': {
      const declarations = includeDeclaration ? index.named('PersistentVolumeClaim', symbol.name, namespace).map((summary) => ({ uri: summary.uri, range: summary.nameRange })) : [];
      return [...declarations, ...claimUsers(symbol.name)];
    }
    case 'config': {
      const declarations = includeDeclaration ? index.configProviders(symbol.kind, symbol.name, namespace).map((summary) => ({ uri: summary.uri, range: summary.nameRange })) : [];
      return [...declarations, ...configUsers(symbol.kind, symbol.name)];
    }
    case 'declaration': {
      const users = symbol.kind === 'PersistentVolumeClaim' ? claimUsers(symbol.name) : configUsers(symbol.kind as ConfigKind, symbol.name);
      return [...(includeDeclaration ? [here(symbol.span)] : []), ...users];
    }
    case 'podLabels':
      return index.servicesSelecting(symbol.labels, namespace)
        .map((summary) => ({ uri: summary.uri, range: summary.service?.selectorRange ?? summary.nameRange }));
    case 'selector':
      return index.podTemplatesSelectedBy(symbol.selector, namespace)
        .map((summary) => ({ uri: summary.uri, range: summary.template?.labelsRange ?? summary.nameRange }));
  }
}
