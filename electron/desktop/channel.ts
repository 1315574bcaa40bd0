// The one IPC channel between the renderer and the main process. This module imports nothing,
// because the sandboxed preload can load no module but 'electron' and so must bundle it alone.
export const INVOKE_CHANNEL = 'g2g:invoke';

/** The name under which the preload exposes the bridge on `window`. */
export const BRIDGE_NAME = 'g2g';
