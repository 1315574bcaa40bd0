// Remembers the window's size, position and maximised state between launches, in a small JSON
// file in the data folder. A saved position is used only when it still lies on a display: a
// laptop that was docked to a second screen last time must not open its window off screen.
import fs from 'node:fs';
import * as z from 'zod';
import { writeWholeFileSync } from '../core/files';

export const WINDOW_STATE_FILE_NAME = 'window-state.json';
export const DEFAULT_SIZE = { width: 1280, height: 800 } as const;
export const MINIMUM_SIZE = { width: 800, height: 560 } as const;

const BoundsSchema = z.object({
  x: z.number().int(),
  y: z.number().int(),
  width: z.number().int().positive(),
  height: z.number().int().positive(),
});
export type Bounds = z.infer<typeof BoundsSchema>;

const WindowStateSchema = z.object({ bounds: BoundsSchema, maximised: z.boolean() });
export type WindowState = z.infer<typeof WindowStateSchema>;

export interface WindowPlacement {
  /** No position means "let the system centre it". */
  bounds: { width: number; height: number; x?: number; y?: number };
  maximised: boolean;
}

/** The saved state, or null when there is none or it cannot be trusted. */
export function readWindowState(file: string): WindowState | null {
  try {
    const parsed = WindowStateSchema.safeParse(JSON.parse(fs.readFileSync(file, 'utf8')));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** Written whole or not at all (see core/files.ts), so a crash mid-write leaves the old state whole. */
export function writeWindowState(file: string, state: WindowState): void {
  writeWholeFileSync(file, `${JSON.stringify(state)}\n`, { what: 'window position' });
}

function overlap(a: Bounds, b: Bounds): number {
  const width = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
  const height = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
  return width > 0 && height > 0 ? width * height : 0;
}

function clamp(value: number, lowest: number, highest: number): number {
  return Math.min(Math.max(value, lowest), Math.max(lowest, highest));
}

/**
 * Where to open the window. `workAreas` are the displays' usable areas, the primary display
 * first. The saved bounds are moved onto the display they overlap most, and shrunk to fit it.
 */
export function placeWindow(saved: WindowState | null, workAreas: readonly Bounds[]): WindowPlacement {
  const primary = workAreas[0];
  const fallback = (maximised: boolean): WindowPlacement => ({
    bounds: {
      width: primary ? Math.min(DEFAULT_SIZE.width, primary.width) : DEFAULT_SIZE.width,
      height: primary ? Math.min(DEFAULT_SIZE.height, primary.height) : DEFAULT_SIZE.height,
    },
    maximised,
  });
  if (saved === null) return fallback(false);
  let best: Bounds | undefined;
  let bestOverlap = 0;
  for (const area of workAreas) {
    const shared = overlap(saved.bounds, area);
    if (shared > bestOverlap) {
      best = area;
      bestOverlap = shared;
    }
  }
  if (best === undefined) return fallback(saved.maximised);
  const width = Math.min(Math.max(saved.bounds.width, MINIMUM_SIZE.width), best.width);
  const height = Math.min(Math.max(saved.bounds.height, MINIMUM_SIZE.height), best.height);
  return {
    bounds: {
      width,
      height,
      x: clamp(saved.bounds.x, best.x, best.x + best.width - width),
      y: clamp(saved.bounds.y, best.y, best.y + best.height - height),
    },
    maximised: saved.maximised,
  };
}
