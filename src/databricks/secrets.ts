/** Keeps secret values out of messages: every token the client handles is registered here. */

const listeners = new Set<(secret: string) => void>();

/**
 * Tells `listener` of every secret any scrubber learns, including OAuth tokens fetched at run
 * time; the action registers core.setSecret here so the runner masks them in the log too.
 */
export function onSecret(listener: (secret: string) => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export class SecretScrubber {
  private readonly values = new Set<string>();

  add(value: string | undefined): void {
    // Very short values would mask ordinary words; real tokens are long.
    if (!value || value.length < 6 || this.values.has(value)) return;
    this.values.add(value);
    for (const listener of listeners) listener(value);
  }

  scrub(text: string): string {
    let out = text;
    for (const value of this.values) out = out.split(value).join('***');
    return out;
  }
}
