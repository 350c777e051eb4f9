import { contextBridge, ipcRenderer } from 'electron';
import { ipcChannel, methodNames, type Result } from '../../shared/contract';

/**
 * Exposes exactly the contract's methods, one function each, and nothing of ipcRenderer itself.
 * Bundled whole (a sandboxed preload cannot require packages).
 */
const api = Object.freeze(Object.fromEntries(methodNames.map((name) => [
  name,
  (input: unknown): Promise<Result<unknown>> => ipcRenderer.invoke(ipcChannel(name), input),
])));

contextBridge.exposeInMainWorld('openstaand', Object.freeze({ shell: 'electron', api }));
