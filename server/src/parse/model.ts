import type { Document, YAMLMap } from 'yaml';
import type { ParsedChunk } from './documentChunks';
import type { TemplateFacts } from './helm/templateFacts';

import type { Span } from '../yaml/span';
import type { UseSite } from '../yaml/resolved';

export type { Span };

export interface SyntaxProblem {
  code: string;
  message: string;
  span: Span;
  severity: 'error' | 'warning';
}

/** One YAML document of a (possibly multi-document) file. */
export interface YamlDocument {
  index: number;
  doc: Document.Parsed;
  span: Span;
  /** The document's top level is a map with `apiVersion` and `kind` keys. */
  resource?: Resource;
  /** Nested deeper than MAX_NESTING_DEPTH: left empty, checked for YAML syntax only; no feature may parse it again. */
  tooDeep?: boolean;
}

/** A Kubernetes object: a YAML document whose top level holds `apiVersion` and `kind`. */
export interface Resource {
  /** Position among the resources of the file, counted from 0 (the `resourceIndex` of podlab/simulate). */
  index: number;
  document: YamlDocument;
  /** The top-level map with aliases and merge keys resolved (see resolveAliases): what every check reads. */
  root: YAMLMap;
  apiVersion?: string;
  kind?: string;
  name?: string;
  namespace?: string;
  span: Span;
  /** The object as plain JSON; undefined when it cannot be built (alias bomb). */
  object: Record<string, unknown> | undefined;
}

/** Everything one parse of one document version yields; every feature reads this, none re-parses. */
export interface ManifestFile {
  /** The editor's text, with each lone `\r` read as `\n` (same length and offsets; both are line breaks to the editor). */
  text: string;
  documents: YamlDocument[];
  resources: Resource[];
  syntaxProblems: SyntaxProblem[];
  /** Holds Helm/Go template actions (`{{ ... }}`): it was parsed with each action masked (see `template`). */
  templated: boolean;
  /** The actions of a templated file and what masking them left: what is not literal is checked as unknown. */
  template?: TemplateFacts;
  /** Above the size limit: parsed for syntax only. */
  oversized: boolean;
  /** Oversized, and its syntax check (largeFileSyntax) still runs in slices: `syntaxProblems` is not filled yet. */
  syntaxCheckPending?: boolean;
  /** Has a Kubernetes object, or at least a top-level `apiVersion:`/`kind:` line (a manifest too broken to parse). */
  looksLikeKubernetes: boolean;
  /** How the text was parsed, chunk by chunk; the next version's parse reuses the chunks an edit left alone. */
  chunks?: readonly ParsedChunk[];
  /** Every alias resolved in the resources' trees (also those after merge keys), in text order. */
  aliasUses?: UseSite[];
}

