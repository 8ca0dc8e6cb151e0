/**
 * Keeps secret values out of messages. One scrubber is made per run by the wiring and handed to
 * the auth providers and HTTP clients it builds, so every token any of them handles is masked in
 * every message of the run; `onSecret` also hears each (the action masks them in the runner's log).
 */
export class SecretScrubber {
  private readonly values = new Set<string>();

  /** `onSecret`: told of every secret learned, including OAuth tokens fetched at run time. */
  constructor(private readonly onSecret?: (secret: string) => void) {}

  add(value: string | undefined): void {
    // Very short values would mask ordinary words; real tokens are long.
    if (!value || value.length < 6 || this.values.has(value)) return;
    this.values.add(value);
    this.onSecret?.(value);
  }

  scrub(text: string): string {
    let out = text;
    for (const value of this.values) out = out.split(value).join('***');
    return out;
  }
}
