import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { createBlogApiClient, type ClientTransport } from '../common/ipc/client.ts';
import { eventChannel, methodChannel } from '../common/ipc/contract.ts';
import type { Envelope } from '../common/ipc/envelope.ts';

/**
 * The preload's only job: build BlogApi from the contract over ipcRenderer and hand it to the page as
 * `window.blog`. It exposes functions, never ipcRenderer itself, and only on `blog:` channels.
 */
export const ipcTransport: ClientTransport = {
  invoke: (method, args) => ipcRenderer.invoke(methodChannel(method), ...args) as Promise<Envelope>,
  subscribe: (event, listener) => {
    const channel = eventChannel(event);
    const handler = (_event: IpcRendererEvent, payload: unknown) => listener(payload);
    ipcRenderer.on(channel, handler);
    return () => {
      ipcRenderer.removeListener(channel, handler);
    };
  },
};

contextBridge.exposeInMainWorld('blog', createBlogApiClient(ipcTransport));
