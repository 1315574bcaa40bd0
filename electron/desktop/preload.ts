// The renderer's only way into the main process: one function that makes a contract call. The
// page never receives ipcRenderer itself, which would let a compromised page send any message on
// any channel; the main process still checks every call's sender.
import { contextBridge, ipcRenderer } from 'electron';
import { BRIDGE_NAME, INVOKE_CHANNEL } from './channel';

contextBridge.exposeInMainWorld(BRIDGE_NAME, {
  invoke: (method: string, input: unknown) => ipcRenderer.invoke(INVOKE_CHANNEL, method, input),
});
