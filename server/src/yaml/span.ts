/** Offsets into the document text: [start, end). */
export type Span = readonly [number, number];

/** Replace the text at `span` with `newText`; fixes are lists of these, never a re-serialised document. */
export interface TextEdit {
  span: Span;
  newText: string;
}
