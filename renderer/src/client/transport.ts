// How the renderer reaches the services: Electron IPC through the preload's one function in
// the desktop app, HTTP to the browser-mode host otherwise. Both carry the same envelopes.
import type { Envelope } from '../../../shared/errors';

export interface Transport {
  readonly kind: 'ipc' | 'http';
  invoke(method: string, input: unknown): Promise<Envelope<unknown>>;
}

declare global {
  interface Window {
    g2g?: { invoke(method: string, input: unknown): Promise<Envelope<unknown>> };
  }
}

function ipcTransport(bridge: NonNullable<Window['g2g']>): Transport {
  return { kind: 'ipc', invoke: (method, input) => bridge.invoke(method, input) };
}

const TOKEN_KEY = 'g2g-token';

/** The per-launch token arrives in the address the host printed; it is kept for reloads. */
function sessionToken(): string {
  const fromAddress = new URLSearchParams(window.location.search).get('token');
  if (fromAddress) {
    sessionStorage.setItem(TOKEN_KEY, fromAddress);
    return fromAddress;
  }
  return sessionStorage.getItem(TOKEN_KEY) ?? '';
}

function httpTransport(): Transport {
  const token = sessionToken();
  return {
    kind: 'http',
    async invoke(method, input) {
      let response: Response;
      try {
        response = await fetch(`./api/${encodeURIComponent(method)}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-g2g-token': token },
          body: JSON.stringify(input ?? {}),
        });
      } catch {
        return {
          ok: false,
          error: {
            code: 'internal',
            message: 'The app’s background service is not answering. Check that Getting to Good is still running, then try again.',
            details: { method },
          },
        };
      }
      if (response.status === 401) {
        return {
          ok: false,
          error: {
            code: 'unauthorized',
            message: 'This page is not connected to the running app. Open the full address printed when Getting to Good started.',
            details: { method },
          },
        };
      }
      return (await response.json()) as Envelope<unknown>;
    },
  };
}

export function chooseTransport(): Transport {
  return window.g2g ? ipcTransport(window.g2g) : httpTransport();
}
