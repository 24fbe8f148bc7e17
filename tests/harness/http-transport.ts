import type { ClientTransport } from '../../electron/common/ipc/client.ts';
import type { Envelope } from '../../electron/common/ipc/envelope.ts';

/**
 * The harness's client transport: one POST per call, one server-sent-events stream for all events.
 * Plain fetch streaming instead of EventSource, so the same code runs in Chromium and in Node tests.
 * Test-only: the app itself uses Electron IPC (electron/preload).
 */
export const API_PATH = '/__api/';
export const EVENTS_PATH = '/__events';

export function createHttpTransport(baseUrl: string): ClientTransport & { close(): void } {
  const listeners = new Map<string, Set<(payload: unknown) => void>>();
  let stream: AbortController | undefined;

  const connect = () => {
    if (stream) return;
    const controller = new AbortController();
    stream = controller;
    void readEvents(`${baseUrl}${EVENTS_PATH}`, controller.signal, (event, payload) => {
      for (const listener of listeners.get(event) ?? []) listener(payload);
    }).finally(() => {
      if (stream === controller) stream = undefined;
      // Reconnect while anyone still listens (the harness may restart under a test).
      if (!controller.signal.aborted && [...listeners.values()].some((s) => s.size > 0)) setTimeout(connect, 250);
    });
  };

  return {
    async invoke(method, args): Promise<Envelope> {
      const response = await fetch(`${baseUrl}${API_PATH}${method}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(args),
      });
      return (await response.json()) as Envelope;
    },
    subscribe(event, listener) {
      let set = listeners.get(event);
      if (!set) listeners.set(event, (set = new Set()));
      const entry = (payload: unknown) => listener(payload);
      set.add(entry);
      connect();
      return () => {
        set.delete(entry);
      };
    },
    close() {
      stream?.abort();
      stream = undefined;
    },
  };
}

async function readEvents(url: string, signal: AbortSignal, emit: (event: string, payload: unknown) => void): Promise<void> {
  try {
    const response = await fetch(url, { signal, headers: { accept: 'text/event-stream' } });
    if (!response.body) return;
    const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
    let buffer = '';
    for (;;) {
      const { value, done } = await reader.read();
      if (done) return;
      buffer += value;
      let end: number;
      while ((end = buffer.indexOf('\n\n')) >= 0) {
        const block = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        let name = 'message';
        let data = '';
        for (const line of block.split('\n')) {
          if (line.startsWith('event: ')) name = line.slice(7);
          else if (line.startsWith('data: ')) data += line.slice(6);
        }
        if (data) emit(name, JSON.parse(data));
      }
    }
  } catch {
    // Aborted or the server went away; the caller decides whether to reconnect.
  }
}
