// What the benchmarks share: the figures of a set of timings, timing one piece of work, comparing
// two pieces of work run in turns, and how figures are written in the tables.
import os from 'node:os';

export interface Stats {
  runs: number;
  medianMs: number;
  p95Ms: number;
  minMs: number;
  maxMs: number;
  meanMs: number;
}

export function stats(samples: number[]): Stats {
  if (samples.length === 0) throw new Error('No timings to summarise.');
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (index: number) => sorted[Math.min(sorted.length - 1, Math.max(0, index))]!;
  const middle = sorted.length / 2;
  const median = sorted.length % 2 === 1 ? at(Math.floor(middle)) : (at(middle - 1) + at(middle)) / 2;
  return {
    runs: sorted.length,
    medianMs: median,
    p95Ms: at(Math.ceil(sorted.length * 0.95) - 1),
    minMs: at(0),
    maxMs: at(sorted.length - 1),
    meanMs: sorted.reduce((sum, value) => sum + value, 0) / sorted.length,
  };
}

/** Runs the work once, and gives how long it took and what it gave. */
export async function time<T>(work: () => Promise<T> | T): Promise<{ ms: number; value: T }> {
  const started = performance.now();
  const value = await work();
  return { ms: performance.now() - started, value };
}

/** The work run `runs` times in a row. */
export async function measure(runs: number, work: (round: number) => unknown): Promise<Stats> {
  const samples: number[] = [];
  for (let round = 0; round < runs; round += 1) samples.push((await time(() => work(round))).ms);
  return stats(samples);
}

export interface Comparison {
  ours: Stats;
  raw: Stats;
  /** ours / raw, on medians. */
  ratio: number;
}

/**
 * Runs the two sides alternately, swapping which goes first each round, so that load from
 * other processes on a small machine and any cache warmth fall on both sides alike.
 */
export async function compare(runs: number, ours: (round: number) => unknown, raw: (round: number) => unknown): Promise<Comparison> {
  const warmUp = Math.max(3, Math.round(runs / 10));
  for (let round = 0; round < warmUp; round += 1) {
    await ours(-1 - round);
    await raw(-1 - round);
  }
  const oursSamples: number[] = [];
  const rawSamples: number[] = [];
  for (let round = 0; round < runs; round += 1) {
    if (round % 2 === 0) {
      oursSamples.push((await time(() => ours(round))).ms);
      rawSamples.push((await time(() => raw(round))).ms);
    } else {
      rawSamples.push((await time(() => raw(round))).ms);
      oursSamples.push((await time(() => ours(round))).ms);
    }
  }
  const oursStats = stats(oursSamples);
  const rawStats = stats(rawSamples);
  return { ours: oursStats, raw: rawStats, ratio: oursStats.medianMs / rawStats.medianMs };
}

/** Milliseconds as the tables write them: two decimals below 10, one below 100, none above. */
export const ms = (value: number): string =>
  !Number.isFinite(value) ? '–' : value < 10 ? value.toFixed(2) : value < 100 ? value.toFixed(1) : Math.round(value).toLocaleString('en-GB');

export const megabytes = (bytes: number): number => Math.round(bytes / 104_857.6) / 10;

export const roundTo = (value: number, places = 2): number => Math.round(value * 10 ** places) / 10 ** places;

export const loadAverage = (): number[] => os.loadavg().map((value) => roundTo(value));

/** The machine a report was measured on, with the load average before the run (taken by the caller) and now. */
export function machineFacts(loadAverageBefore: number[]) {
  return {
    node: process.version,
    platform: `${process.platform} ${process.arch}`,
    cpus: os.cpus().length,
    cpuModel: os.cpus()[0]?.model ?? 'unknown',
    loadAverageBefore,
    loadAverageAfter: loadAverage(),
  };
}
