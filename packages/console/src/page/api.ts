/**
 * The page's one way to the switch: its HTTP API on the same origin, with the administrator's
 * bearer token, kept in memory only (a reload logs out; nothing is left in the browser's
 * storage). Every refusal comes back as an ApiError carrying the API's own code and message,
 * which the page shows as they are: what a person may see is the API's decision.
 */
import type { AdminSession, ErrorBody } from '@clets/switch/api-types';

export class ApiError extends Error {
  constructor(readonly status: number, readonly code: string, message: string) {
    super(message);
  }
}

export class Api {
  #token: string | undefined;
  session: AdminSession | undefined;
  onLoggedOut: () => void = () => undefined;

  async login(operatorId: string, password: string, totpCode: string): Promise<AdminSession> {
    const session = await this.call<AdminSession>('POST', '/v1/admin/sessions', { operatorId, password, totpCode });
    this.#token = session.token;
    this.session = session;
    return session;
  }

  async logout(): Promise<void> {
    try {
      if (this.#token !== undefined) await this.call('DELETE', '/v1/admin/sessions/current');
    } finally {
      this.#token = undefined;
      this.session = undefined;
    }
  }

  #headers(json: boolean): Record<string, string> {
    return { ...(json ? { 'content-type': 'application/json' } : {}), ...(this.#token ? { authorization: `Bearer ${this.#token}` } : {}) };
  }

  async #fetch(method: string, path: string, body?: unknown, signal?: AbortSignal): Promise<Response> {
    const response = await fetch(path, {
      method, headers: this.#headers(body !== undefined), ...(body === undefined ? {} : { body: JSON.stringify(body) }), ...(signal ? { signal } : {}),
    });
    if (response.ok) return response;
    let error: ErrorBody['error'] = { code: `HTTP_${response.status}`, message: response.statusText };
    try {
      error = ((await response.json()) as ErrorBody).error;
    } catch {
      // Not the API's error shape: the status says it.
    }
    if (response.status === 401 && this.#token !== undefined) {
      this.#token = undefined;
      this.session = undefined;
      this.onLoggedOut();
    }
    throw new ApiError(response.status, error.code, error.message);
  }

  async call<T = unknown>(method: 'GET' | 'POST' | 'PATCH' | 'DELETE', path: string, body?: unknown): Promise<T> {
    const response = await this.#fetch(method, path, body);
    if (response.status === 204) return undefined as T;
    return (await response.json()) as T;
  }

  /** A text answer (a report as CSV or text). */
  async text(path: string): Promise<string> {
    return (await this.#fetch('GET', path)).text();
  }

  /** Reads a server-sent event stream until it ends or `signal` aborts; each event to `onEvent`. */
  async stream(path: string, onEvent: (event: string, data: unknown) => void, signal: AbortSignal): Promise<void> {
    const response = await this.#fetch('GET', path, undefined, signal);
    const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
    let buffer = '';
    for (;;) {
      const { value, done } = await reader.read();
      if (done) return;
      buffer += value;
      let end: number;
      while ((end = buffer.indexOf('\n\n')) >= 0) {
        const block = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        let event = 'message';
        let data = '';
        for (const line of block.split('\n')) {
          if (line.startsWith('event: ')) event = line.slice(7);
          else if (line.startsWith('data: ')) data += line.slice(6);
        }
        if (data !== '') onEvent(event, JSON.parse(data));
      }
    }
  }
}

/** A query string of the members that have a value. */
export function query(values: Record<string, string | number | undefined>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(values)) if (value !== undefined && value !== '') search.set(key, String(value));
  const text = search.toString();
  return text === '' ? '' : `?${text}`;
}

/** Saves text as a file the browser downloads. */
export function download(name: string, text: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** Epoch ms as `YYYY-MM-DD HH:MM:SSZ`. */
export function time(ms: number): string {
  return new Date(ms).toISOString().replace('T', ' ').slice(0, 19) + 'Z';
}
