import { parseAllDocuments, visit, type Document } from 'yaml';
import type { Fix } from '../findings/finding';
import type { ManifestFile } from './model';
import { hasSyntaxErrors } from './parseManifest';
import { templateFacts } from './helm/templateFacts';

/** Documents larger than this are not re-parsed to check a fix (the check would cost more than it is worth). */
const MAX_CHECKED_DOCUMENT = 500_000;

/**
 * Whether applying `fix` leaves every YAML document it touches parsing as cleanly as before. A quick fix that
 * turned valid YAML into invalid YAML would be worse than none; only the touched documents are parsed again.
 */
export function fixKeepsYamlValid(file: ManifestFile, fix: Fix): boolean {
  const byDocument = new Map<number, Fix['edits']>();
  for (const edit of fix.edits) {
    const index = file.documents.findIndex((_, i) => edit.span[0] >= extentOf(file, i)[0] && edit.span[1] <= extentOf(file, i)[1]);
    if (index < 0) return true;
    if (appendsDocuments(file, index, edit)) {
      if (!parsesCleanly(edit.newText.replace(NEW_DOCUMENT_LEAD, ''))) return false;
      continue;
    }
    byDocument.set(index, [...(byDocument.get(index) ?? []), edit]);
  }
  for (const [index, edits] of byDocument) {
    const document = file.documents[index];
    const [from, to] = extentOf(file, index);
    if (hasSyntaxErrors(document) || to - from > MAX_CHECKED_DOCUMENT) continue;
    let text = file.text.slice(from, to);
    for (const edit of [...edits].sort((a, b) => b.span[0] - a.span[0])) {
      text = text.slice(0, edit.span[0] - from) + edit.newText + text.slice(edit.span[1] - from);
    }
    // A template is read as parseManifest reads it: with its actions masked.
    if (file.template) text = templateFacts(text, file.template.firstBranchOnly).masked;
    const parsed = parseAllDocuments(text, { uniqueKeys: false, strict: true, logLevel: 'silent', merge: true });
    const docs = Array.isArray(parsed) ? parsed : [];
    if (docs.length > 1 || docs.some((doc) => doc.errors.length > 0)) return false;
    if (docs[0] && !aliasesResolve(docs[0]) && aliasesResolve(document.doc)) return false;
  }
  return true;
}

/** A line break the fix may write first (the file did not end with one), then a document marker. */
const NEW_DOCUMENT_LEAD = /^(?:\r?\n)?(?=---(?:[ \t\r\n]|$))/;

/**
 * An insertion at the very end of a document's extent that starts with `---`: new documents after it (a quick fix that
 * creates a missing resource in the same file). The document itself is untouched; the new ones must parse on their own.
 */
function appendsDocuments(file: ManifestFile, index: number, edit: Fix['edits'][number]): boolean {
  const end = extentOf(file, index)[1];
  return edit.span[0] === end && edit.span[1] === end && NEW_DOCUMENT_LEAD.test(edit.newText);
}

/** The text parses without errors (into any number of documents). */
function parsesCleanly(text: string): boolean {
  if (text.length > MAX_CHECKED_DOCUMENT) return true;
  const parsed = parseAllDocuments(text, { uniqueKeys: false, strict: true, logLevel: 'silent', merge: true });
  const docs = Array.isArray(parsed) ? parsed : [];
  return docs.every((doc) => doc.errors.length === 0);
}

/** From the document's start to the next one's (its trailing lines and comments count: indentation reads them). */
function extentOf(file: ManifestFile, index: number): [number, number] {
  return [file.documents[index].span[0], file.documents[index + 1]?.span[0] ?? file.text.length];
}

/** Every alias has its anchor before it (a fix that removed or renamed an anchor would leave one without). */
function aliasesResolve(doc: Document): boolean {
  let resolved = true;
  visit(doc, {
    Alias(_, alias) {
      if (alias.resolve(doc)) return undefined;
      resolved = false;
      return visit.BREAK;
    },
  });
  return resolved;
}
