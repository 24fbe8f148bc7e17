import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import { eventChannel, EVENT_NAMES, methodChannel, METHOD_NAMES } from '../common/ipc/contract.ts';
import type { Dispatcher } from '../common/ipc/dispatcher.ts';
import type { Envelope } from '../common/ipc/envelope.ts';
import type { Disposer } from '../common/events.ts';
import { isAppUrl } from './security.ts';

/**
 * Wires the contract to Electron IPC: one `ipcMain.handle` per method (channels from the contract table),
 * one broadcast per event. Payload validation is the dispatcher's; this layer adds the sender check — only
 * our own app:// page may call, never a frame that somehow loaded something else.
 */
export function registerIpc(
  ipcMain: IpcMain,
  dispatcher: Dispatcher,
  broadcast: (channel: string, payload: unknown) => void,
): Disposer {
  for (const method of METHOD_NAMES) {
    ipcMain.handle(methodChannel(method), (event: IpcMainInvokeEvent, ...args: unknown[]): Promise<Envelope> => {
      const url = event.senderFrame?.url ?? '';
      if (!isAppUrl(url)) {
        return Promise.resolve({ ok: false, error: { code: 'invalid-argument', message: 'Refused: the caller is not a Longhand page.' } });
      }
      return dispatcher.invoke(method, args);
    });
  }
  const unsubscribes = EVENT_NAMES.map((event) =>
    dispatcher.subscribe(event, (payload) => broadcast(eventChannel(event), payload)),
  );
  return () => {
    for (const method of METHOD_NAMES) ipcMain.removeHandler(methodChannel(method));
    for (const unsubscribe of unsubscribes) unsubscribe();
  };
}
