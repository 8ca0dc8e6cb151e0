/**
 * The emulator's credentials: a configured bearer token, and OAuth tokens it issues at
 * /oidc/v1/token for machine-to-machine (basic auth client id/secret, client_credentials)
 * and for token exchange (a configured subject token, as GitHub OIDC federation sends).
 */
import { randomBytes } from 'node:crypto';
import { HttpError } from './http-io.js';

/** Documented default dev token of `genie-gitops serve`: not a secret, loopback only. */
export const DEV_TOKEN = 'dapi-genie-gitops-serve-dev';
export const DEV_CLIENT_ID = 'genie-gitops-serve-client';
export const DEV_CLIENT_SECRET = 'genie-gitops-serve-secret';
export const DEV_SUBJECT_TOKEN = 'genie-gitops-serve-github-oidc-token';
export const DEV_AUDIENCE = 'genie-gitops-serve';

export interface OAuthOptions {
  token?: string;
  clientId?: string;
  clientSecret?: string;
  /** The ID token a token exchange must present. */
  subjectToken?: string;
  /** The client id a token exchange must name, when it names one. */
  federationClientId?: string;
  /** Lifetime of issued tokens; default 3600 s. */
  tokenTtlS?: number;
  now?: () => number;
}

export class OAuthState {
  private readonly issued = new Map<string, number>();
  private readonly now: () => number;
  issuedCount = 0;

  constructor(private readonly options: OAuthOptions) {
    this.now = options.now ?? Date.now;
  }

  /** Throws 401 unless the Authorization header carries an accepted token. */
  authenticate(header: string | undefined): void {
    const token = /^Bearer\s+(.+)$/i.exec(header ?? '')?.[1]?.trim();
    if (token && token === (this.options.token ?? DEV_TOKEN)) return;
    const expires = token ? this.issued.get(token) : undefined;
    if (expires !== undefined && this.now() < expires) return;
    // Never echo the presented token.
    throw new HttpError(
      401,
      'UNAUTHENTICATED',
      token ? 'Invalid access token.' : 'Credential was not sent or was of an unsupported type for this API.',
    );
  }

  /** Expires every issued token (tests of the refresh-on-401 path). */
  expireAll(): void {
    for (const token of this.issued.keys()) this.issued.set(token, 0);
  }

  /** Handles POST /oidc/v1/token (form body); returns the OAuth answer or throws an OAuth-style error. */
  token(form: URLSearchParams, authorization: string | undefined): Record<string, unknown> {
    const grant = form.get('grant_type');
    if (grant === 'client_credentials') {
      const basic = /^Basic\s+(.+)$/i.exec(authorization ?? '')?.[1];
      const [id, secret] = basic
        ? splitOnce(Buffer.from(basic, 'base64').toString('utf8'))
        : [form.get('client_id') ?? '', form.get('client_secret') ?? ''];
      if (
        id !== (this.options.clientId ?? DEV_CLIENT_ID) ||
        secret !== (this.options.clientSecret ?? DEV_CLIENT_SECRET)
      ) {
        throw new HttpError(401, 'invalid_client', 'Client authentication failed');
      }
      return this.issue(form.get('scope'));
    }
    if (grant === 'urn:ietf:params:oauth:grant-type:token-exchange') {
      if (form.get('subject_token_type') !== 'urn:ietf:params:oauth:token-type:jwt')
        throw new HttpError(400, 'invalid_request', 'subject_token_type must be urn:ietf:params:oauth:token-type:jwt');
      if (form.get('subject_token') !== (this.options.subjectToken ?? DEV_SUBJECT_TOKEN))
        throw new HttpError(401, 'invalid_grant', 'the subject token does not match any federation policy');
      const clientId = form.get('client_id');
      if (clientId && this.options.federationClientId && clientId !== this.options.federationClientId)
        throw new HttpError(401, 'invalid_client', 'unknown service principal');
      return this.issue(form.get('scope'));
    }
    throw new HttpError(400, 'unsupported_grant_type', `grant_type ${grant ?? '(missing)'} is not supported`);
  }

  private issue(scope: string | null): Record<string, unknown> {
    if (scope !== null && !scope.split(' ').includes('all-apis'))
      throw new HttpError(400, 'invalid_scope', 'scope must include all-apis');
    const ttl = this.options.tokenTtlS ?? 3600;
    const token = `serve-oauth-${randomBytes(24).toString('hex')}`;
    this.issued.set(token, this.now() + ttl * 1000);
    this.issuedCount++;
    return { access_token: token, token_type: 'Bearer', expires_in: ttl, scope: 'all-apis' };
  }
}

function splitOnce(text: string): [string, string] {
  const i = text.indexOf(':');
  return i < 0 ? [text, ''] : [text.slice(0, i), text.slice(i + 1)];
}
