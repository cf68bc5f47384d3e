import type { ConfigKind } from './podTemplate';
import type { ResourceSummary } from './summary';
import type { CrdLookups, WorkspaceLookups } from './view';
import type { WorkspaceIndex } from './workspaceIndex';

type Labels = Readonly<Record<string, string>>;

interface Lookup {
  ask(index: WorkspaceIndex): unknown;
  answer: unknown;
}

/**
 * The index as one analysis sees it, each lookup written down with its answer. An analysis depends on the rest of the
 * workspace only through these answers: if the index, changed since, would answer every lookup the same, the
 * analysis's result still holds. A lint run analyses each file as soon as it is indexed and asks this at the end.
 */
export class RecordedLookups implements WorkspaceLookups {
  private readonly lookups: Lookup[] = [];

  constructor(private readonly index: WorkspaceIndex) {}

  get complete(): boolean {
    return this.note((index) => index.complete);
  }

  get generation(): number {
    return this.note((index) => index.generation);
  }

  get crds(): CrdLookups {
    // Read lazily: only a custom resource's validation looks at the workspace's CRDs.
    const note = <T>(ask: (index: WorkspaceIndex) => T) => this.note(ask);
    const crds = this.index.crds;
    return {
      get generation() {
        return note((index) => index.crds.generation);
      },
      files() {
        note((index) => index.crds.generation);
        return crds.files();
      },
    };
  }

  all(): readonly ResourceSummary[] {
    // Every summary, held per lookup, would make a workspace of unmatched Services quadratic in memory: the index's
    // generation stands for the list instead (it moves whenever the summaries change in a way other files can see).
    this.note((index) => index.generation);
    return this.index.all();
  }

  fileSummaries(uri: string): readonly ResourceSummary[] {
    return this.note((index) => index.fileSummaries(uri));
  }

  summaryOf(uri: string, resourceIndex: number): ResourceSummary | undefined {
    return this.note((index) => index.summaryOf(uri, resourceIndex));
  }

  podTemplatesSelectedBy(selector: Labels, namespace: string | undefined): ResourceSummary[] {
    return this.note((index) => index.podTemplatesSelectedBy(selector, namespace));
  }

  servicesSelecting(labels: Labels, namespace: string | undefined): ResourceSummary[] {
    return this.note((index) => index.servicesSelecting(labels, namespace));
  }

  named(kind: string, name: string, namespace: string | undefined): ResourceSummary[] {
    return this.note((index) => index.named(kind, name, namespace));
  }

  configProviders(kind: ConfigKind, name: string, namespace: string | undefined): ResourceSummary[] {
    return this.note((index) => index.configProviders(kind, name, namespace));
  }

  configKeys(kind: ConfigKind, name: string, namespace: string | undefined): string[] | undefined {
    return this.note((index) => index.configKeys(kind, name, namespace));
  }

  claimUsers(name: string, namespace: string | undefined): ResourceSummary[] {
    return this.note((index) => index.claimUsers(name, namespace));
  }

  configUsers(kind: ConfigKind, name: string, namespace: string | undefined): ResourceSummary[] {
    return this.note((index) => index.configUsers(kind, name, namespace));
  }

  duplicatesOf(summary: ResourceSummary): ResourceSummary[] {
    return this.note((index) => index.duplicatesOf(summary));
  }

  /** Whether the index would now give every answer it gave this analysis (the same summaries, in the same order). */
  stillAnswered(): boolean {
    return this.lookups.every(({ ask, answer }) => sameAnswer(ask(this.index), answer));
  }

  /** Asks the index and writes the answer down (the index never changes a list it has answered with). */
  private note<T>(ask: (index: WorkspaceIndex) => T): T {
    const answer = ask(this.index);
    this.lookups.push({ ask, answer });
    return answer;
  }
}

function sameAnswer(now: unknown, then: unknown): boolean {
  if (!Array.isArray(now) || !Array.isArray(then)) return now === then;
  return now.length === then.length && now.every((item, at) => item === then[at]);
}
