import { SymbolKind, type DocumentSymbol } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Resource } from '../../parse/model';
import { containersOf, type ContainerRole } from '../../k8s/workloads';
import { mapAt, pairOf, spanOf } from '../../yaml/nodes';
import { podTemplateOf } from '../../workspace/podTemplate';
import type { FeatureContext } from '../context';
import { toRange } from './ranges';

const KIND_SYMBOL: Record<string, SymbolKind> = {
  Deployment: SymbolKind.Class,
  StatefulSet: SymbolKind.Class,
  DaemonSet: SymbolKind.Class,
  ReplicaSet: SymbolKind.Class,
  Job: SymbolKind.Class,
  CronJob: SymbolKind.Class,
  Pod: SymbolKind.Object,
  Service: SymbolKind.Interface,
  Ingress: SymbolKind.Interface,
  ConfigMap: SymbolKind.Struct,
  Secret: SymbolKind.Struct,
  PersistentVolumeClaim: SymbolKind.Struct,
  Namespace: SymbolKind.Namespace,
};

const ROLE_WORDS: Record<ContainerRole, string> = { init: 'init container', sidecar: 'sidecar (native)', app: 'container', ephemeral: 'ephemeral container' };

/** The outline: one symbol per resource (kind and name), with its containers below it. */
export function documentSymbols({ document, file }: FeatureContext): DocumentSymbol[] {
  return file.resources.map((resource) => resourceSymbol(document, resource));
}

function resourceSymbol(document: TextDocument, resource: Resource): DocumentSymbol {
  const metadata = mapAt(resource.root, 'metadata');
  const nameSpan = spanOf(metadata ? pairOf(metadata, 'name')?.value : undefined);
  const range = toRange(document, resource.span);
  const template = podTemplateOf(resource);
  const children = template ? containersOf(template.spec).map((container): DocumentSymbol => {
    const span = spanOf(container.node) ?? resource.span;
    const containerName = spanOf(pairOf(container.node, 'name')?.value);
    const image = container.node.get('image');
    return {
      name: container.name ?? '(unnamed container)',
      detail: `${ROLE_WORDS[container.role]}${typeof image === 'string' ? ` · ${image}` : ''}`,
      kind: container.role === 'app' ? SymbolKind.Function : SymbolKind.Event,
      range: toRange(document, span),
      selectionRange: toRange(document, containerName ?? span),
    };
  }) : [];
  return {
    name: `${resource.kind ?? 'resource'} ${resource.name ?? '(unnamed)'}`,
    detail: [resource.namespace && `namespace ${resource.namespace}`, resource.apiVersion].filter(Boolean).join(' · '),
    kind: KIND_SYMBOL[resource.kind ?? ''] ?? SymbolKind.Object,
    range,
    selectionRange: nameSpan ? toRange(document, nameSpan) : { start: range.start, end: range.start },
    children,
  };
}
