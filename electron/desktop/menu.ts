// The native application menu. Every item carries its own label, because Electron's defaults for
// roles are in American English ("Toggle Full Screen", "Select All").
import type { MenuItemConstructorOptions } from 'electron';

export interface MenuOptions {
  platform: NodeJS.Platform;
  productName: string;
  /** Developer tools are offered when running from the source tree, not in an installed app. */
  developerTools: boolean;
  showAbout: () => void;
}

const separator: MenuItemConstructorOptions = { type: 'separator' };

export function menuTemplate(options: MenuOptions): MenuItemConstructorOptions[] {
  const about: MenuItemConstructorOptions = { label: `About ${options.productName}`, click: () => options.showAbout() };
  const onMac = options.platform === 'darwin';
  const macApplicationMenu: MenuItemConstructorOptions = {
    label: options.productName,
    submenu: [
      about,
      separator,
      { role: 'services', label: 'Services' },
      separator,
      { role: 'hide', label: `Hide ${options.productName}` },
      { role: 'hideOthers', label: 'Hide others' },
      { role: 'unhide', label: 'Show all' },
      separator,
      { role: 'quit', label: `Quit ${options.productName}` },
    ],
  };
  return [
    ...(onMac ? [macApplicationMenu] : []),
    {
      label: 'File',
      submenu: [onMac ? { role: 'close', label: 'Close window' } : { role: 'quit', label: 'Quit' }],
    },
    {
      label: 'Edit',
      submenu: [
        { role: 'undo', label: 'Undo' },
        { role: 'redo', label: 'Redo' },
        separator,
        { role: 'cut', label: 'Cut' },
        { role: 'copy', label: 'Copy' },
        { role: 'paste', label: 'Paste' },
        { role: 'delete', label: 'Delete' },
        separator,
        { role: 'selectAll', label: 'Select all' },
      ],
    },
    {
      label: 'View',
      submenu: [
        { role: 'reload', label: 'Reload' },
        ...(options.developerTools ? [{ role: 'toggleDevTools', label: 'Developer tools' } as const] : []),
        separator,
        { role: 'resetZoom', label: 'Actual size' },
        { role: 'zoomIn', label: 'Zoom in' },
        { role: 'zoomOut', label: 'Zoom out' },
        separator,
        { role: 'togglefullscreen', label: 'Full screen' },
      ],
    },
    { label: 'Help', submenu: [about] },
  ];
}
