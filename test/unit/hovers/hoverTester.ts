/**
 * The table of one concept hover: each case is a manifest with a caret (`|`) where the mouse rests, and the other
 * documents open beside it. The tester opens them in the real server (in-process, over a JSON-RPC connection pair),
 * asks for the hover at the caret, and checks that the provider's own section is there, with its docs link and
 * what the case says; a `silent` case checks that the provider says nothing there.
 */
import * as assert from 'node:assert/strict';
import type { Hover, MarkupContent } from 'vscode-languageserver-protocol';
import type { HoverProvider } from '../../../server/src/hovers/types';
import { locate } from '../../../server/src/parse/locate';
import { caret, InProcessClient } from '../../support/inProcessServer';

export interface HoverCase {
  name: string;
  /** The document hovered; `|` marks the mouse. */
  code: string;
  /** Other open documents, by file name (what the hover may say about the workspace). */
  others?: Record<string, string>;
  /** What the provider's section says (each must match). */
  says?: RegExp[];
}

export interface HoverTable {
  /** The kubernetes.io page every answer links to. */
  link: string;
  answers: HoverCase[];
  /** Places where this provider says nothing. */
  silent?: HoverCase[];
}

interface Answer {
  section: string | undefined;
  markdown: string;
}

async function hoverAt(client: InProcessClient, provider: HoverProvider, hoverCase: HoverCase): Promise<Answer> {
  for (const [name, text] of Object.entries(hoverCase.others ?? {})) await client.open(name, text);
  const { text, position } = caret(hoverCase.code);
  const { uri } = await client.open('hovered.yaml', text);
  const hover = await client.request<Hover | null>('textDocument/hover', { textDocument: { uri }, position });
  const { documents, store, workspace } = client.server;
  const document = documents.get(uri)!;
  const file = store.file(document);
  const location = locate(file, document.offsetAt(position));
  const section = location ? provider.provide({ file, location, workspace: workspace.view(uri) }) : undefined;
  return { section, markdown: hover ? (hover.contents as MarkupContent).value : '' };
}

export function testHover(provider: HoverProvider, table: HoverTable): void {
  describe(`concept hover ${provider.id}`, function () {
    this.timeout(20_000);
    let client: InProcessClient;
    beforeEach(async () => { client = await InProcessClient.start(); });
    afterEach(async () => { await client.stop(); });

    for (const hoverCase of table.answers) {
      it(hoverCase.name, async () => {
        const { section, markdown } = await hoverAt(client, provider, hoverCase);
        assert.ok(section, `${provider.id} says nothing at the caret`);
        assert.ok(markdown.includes(section), 'the server\'s hover holds the provider\'s section');
        assert.ok(section.includes(`(${table.link})`), `no link to ${table.link} in:\n${section}`);
        for (const fact of hoverCase.says ?? []) assert.match(section, fact);
      });
    }
    for (const hoverCase of table.silent ?? []) {
      it(`says nothing: ${hoverCase.name}`, async () => {
        const { section } = await hoverAt(client, provider, hoverCase);
        assert.equal(section, undefined);
      });
    }
  });
}
