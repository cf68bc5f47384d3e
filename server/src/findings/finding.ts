import type { Span, TextEdit } from '../yaml/span';

export type Severity = 'error' | 'warning' | 'information' | 'hint';

/** A fix is a set of minimal text edits: the document is never re-serialised, so comments and formatting stay. */
export interface Fix {
  title: string;
  edits: TextEdit[];
  preferred?: boolean;
  /** Text in the first edit's newText that the user still has to replace: an editor that can select it for typing does. */
  placeholder?: string;
}

export interface Finding {
  /** The rule id; the diagnostic's `code`. */
  code: string;
  severity: Severity;
  message: string;
  span: Span;
  fixes?: Fix[];
  /** Other places that explain the finding (in the same document), e.g. the anchor an alias stands for. */
  related?: Array<{ span: Span; message: string }>;
  tags?: Array<'unnecessary' | 'deprecated'>;
}
