/**
 * Reads an HTTP response body with a byte cap: the body is streamed and the read stops (and the
 * connection is cancelled) as soon as it passes the cap, so a runaway or hostile reply never sits
 * in memory whole. Time is capped by the signal given to fetch, which also aborts the stream.
 */

export class BodyTooLargeError extends Error {
  constructor(readonly maxBytes: number) {
    super(`reply larger than ${maxBytes} bytes`);
    this.name = 'BodyTooLargeError';
  }
}

export async function readTextCapped(response: Response, maxBytes: number): Promise<string> {
  const declared = Number(response.headers.get('content-length'));
  if (Number.isFinite(declared) && declared > maxBytes) {
    await response.body?.cancel().catch(() => undefined);
    throw new BodyTooLargeError(maxBytes);
  }
  if (!response.body) return '';
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel().catch(() => undefined);
      throw new BodyTooLargeError(maxBytes);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString('utf8');
}
