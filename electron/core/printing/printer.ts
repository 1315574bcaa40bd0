// The one printer interface the services print committee packs through. Two implementations
// answer it with the same Chrome print options: Debian's Chromium driven by playwright-core (the
// browser-mode host, the command line and tests) and Electron's printToPDF in the desktop app.

export interface PackPrinter {
  /** Prints the pack's print view to a PDF: A4, page numbers, the marking on every page. */
  printPack(packId: string): Promise<Uint8Array>;
  /** The chart images the print view drew, as PNG bytes by KPI id, for the Word file. */
  chartImages(packId: string): Promise<Map<string, Uint8Array>>;
  close(): Promise<void>;
}
