import type { ManifestFile } from '../parse/model';

/** The most recently added parses, by file, up to a total length of their texts; the oldest go first. */
export class KeptParses {
  private readonly byUri = new Map<string, ManifestFile>();
  private chars = 0;

  constructor(private readonly maxChars: number) {}

  add(uri: string, file: ManifestFile): void {
    this.take(uri);
    if (file.text.length > this.maxChars) return;
    this.byUri.set(uri, file);
    this.chars += file.text.length;
    for (const [oldest, held] of this.byUri) {
      if (this.chars <= this.maxChars) break;
      this.byUri.delete(oldest);
      this.chars -= held.text.length;
    }
  }

  /** The parse held for this file, handed over once (it is no longer held afterwards). */
  take(uri: string): ManifestFile | undefined {
    const file = this.byUri.get(uri);
    if (!file) return undefined;
    this.byUri.delete(uri);
    this.chars -= file.text.length;
    return file;
  }
}
