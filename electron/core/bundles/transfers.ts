// Bundle files on their way in and out: a bundle being received is written piece by piece to
// `<data folder>/incoming/<id>.g2g` before it is checked; an exported bundle waits in
// `<data folder>/outgoing/<id>.g2g` until it is downloaded or written out. Both are deleted when
// discarded, after an import, and when the app closes: they hold plan data and are not kept.
import fs from 'node:fs';
import path from 'node:path';
import { newId } from '../../../db/ids';
import { describeFileSize } from '../../../shared/vocabulary';
import { AppError } from '../../../shared/errors';
import type { Core } from '../core';
import { describeWriteProblem, FileNotWritten, writeWholeFileSync } from '../files';
import { BUNDLE_LIMITS } from './archive';
import { refusal } from './refusals';

export interface IncomingTransfer {
  id: string;
  fileName: string;
  file: string;
  bytes: number;
}

export interface OutgoingBundle {
  id: string;
  bundleId: string;
  fileName: string;
  file: string;
  bytes: number;
  encrypted: boolean;
  fingerprint: string;
  classification: 'official' | 'official-sensitive';
  /** The subject line and words of the email it is sent with. */
  subject: string;
  emailText: string;
}

interface Held {
  incoming: Map<string, IncomingTransfer>;
  outgoing: Map<string, OutgoingBundle>;
}

const heldByCore = new WeakMap<Core, Held>();
/** Every file held by any core of this process, removed when the process ends. */
const heldFiles = new Set<string>();
let exitHookInstalled = false;

function removeQuietly(file: string): void {
  try {
    fs.rmSync(file, { force: true });
  } catch {
    // Already gone, or the folder is read-only: nothing more can be done about it here.
  }
  heldFiles.delete(file);
}

/** No bundle waits to be sent or imported this long; another process may hold younger files. */
const LEFT_OVER_AFTER_MS = 24 * 60 * 60 * 1000;

/**
 * Bundle files a process held when it ended without tidying up (killed, a power cut): they are
 * plan data, perhaps unencrypted, so they do not stay in the data folder once a day old.
 */
function removeLeftOvers(dataDirectory: string): void {
  const cutOff = Date.now() - LEFT_OVER_AFTER_MS;
  for (const which of ['incoming', 'outgoing']) {
    const directory = path.join(dataDirectory, which);
    let names: string[];
    try {
      names = fs.readdirSync(directory);
    } catch {
      continue;
    }
    for (const name of names) {
      const file = path.join(directory, name);
      try {
        if (name.endsWith('.g2g') && fs.statSync(file).mtimeMs < cutOff) fs.rmSync(file, { force: true });
      } catch {
        // Gone already, or not ours to remove: left alone.
      }
    }
  }
}

function held(core: Core): Held {
  let found = heldByCore.get(core);
  if (!found) {
    found = { incoming: new Map(), outgoing: new Map() };
    heldByCore.set(core, found);
    core.onClose(() => discardAll(core));
    removeLeftOvers(core.dataDirectory);
  }
  if (!exitHookInstalled) {
    exitHookInstalled = true;
    process.once('exit', () => {
      for (const file of heldFiles) removeQuietly(file);
    });
  }
  return found;
}

function folder(core: Core, which: 'incoming' | 'outgoing'): string {
  const directory = path.join(core.dataDirectory, which);
  fs.mkdirSync(directory, { recursive: true, mode: 0o700 });
  return directory;
}

/** Takes one piece of a bundle being received; the first piece starts a new transfer. */
export function receivePiece(core: Core, transferId: string | null, fileName: string, chunkBase64: string): IncomingTransfer {
  const transfers = held(core).incoming;
  let transfer: IncomingTransfer;
  if (transferId === null) {
    const id = newId();
    transfer = { id, fileName, file: path.join(folder(core, 'incoming'), `${id}.g2g`), bytes: 0 };
    try {
      fs.writeFileSync(transfer.file, new Uint8Array(), { mode: 0o600, flag: 'wx' });
    } catch (error) {
      throw notKept(error, transfer.file, `The bundle “${fileName}” being imported`);
    }
    heldFiles.add(transfer.file);
    transfers.set(id, transfer);
  } else {
    const found = transfers.get(transferId);
    if (!found) throw notReceived();
    transfer = found;
  }
  const piece = Buffer.from(chunkBase64, 'base64');
  if (transfer.bytes + piece.length > BUNDLE_LIMITS.maxArchiveBytes) {
    discardIncoming(core, transfer.id);
    throw refusal(
      'too-large',
      null,
      `Nothing was saved: “${transfer.fileName}” is larger than a plan bundle can be (${describeFileSize(BUNDLE_LIMITS.maxArchiveBytes)}). Check that you chose the bundle you were sent.`,
    );
  }
  try {
    fs.appendFileSync(transfer.file, piece);
  } catch (error) {
    // A piece written in part would leave the file out of step with what was received: the
    // whole transfer goes, and the bundle is chosen again once there is room.
    discardIncoming(core, transfer.id);
    throw notKept(error, transfer.file, `The bundle “${transfer.fileName}” being imported`);
  }
  transfer.bytes += piece.length;
  return transfer;
}

/**
 * A bundle file of the data folder that could not be written: said plainly, naming the folder.
 * A full disk there is freed by the person; another folder cannot be chosen, so none is offered.
 */
function notKept(error: unknown, file: string, what: string): AppError {
  const code = error instanceof FileNotWritten ? error.systemCode : (error as NodeJS.ErrnoException).code;
  const problem = error instanceof FileNotWritten ? error.problem : describeWriteProblem(error, file);
  const advice =
    code === 'ENOSPC' || code === 'EDQUOT'
      ? 'free some space on that disk and try again.'
      : code === 'EFBIG'
        ? 'the data folder must be on a disk that can hold files this large.'
        : 'the data folder must be one this computer can write to.';
  return new AppError(
    'not-written',
    `${what} could not be kept in the data folder (${path.dirname(file)}): ${problem.reason}. Nothing of it was left there; ${advice}`,
    { file, systemCode: code },
  );
}

function notReceived(): AppError {
  return new AppError(
    'not-found',
    'That bundle is no longer waiting to be imported: it was imported or put aside, or the app has been restarted since it was chosen. Choose the file again.',
  );
}

export function incomingTransfer(core: Core, transferId: string): IncomingTransfer {
  const transfer = held(core).incoming.get(transferId);
  if (!transfer || !fs.existsSync(transfer.file)) throw notReceived();
  return transfer;
}

export function discardIncoming(core: Core, transferId: string): boolean {
  const transfers = held(core).incoming;
  const transfer = transfers.get(transferId);
  if (!transfer) return false;
  transfers.delete(transferId);
  removeQuietly(transfer.file);
  return true;
}

/** Keeps an exported bundle's bytes until it is downloaded or written out. */
export function holdExport(core: Core, bundle: Omit<OutgoingBundle, 'id' | 'file' | 'bytes'>, bytes: Buffer): OutgoingBundle {
  const id = newId();
  const file = path.join(folder(core, 'outgoing'), `${id}.g2g`);
  try {
    writeWholeFileSync(file, bytes, { what: 'bundle', mode: 0o600 });
  } catch (error) {
    throw notKept(error, file, 'The exported bundle');
  }
  heldFiles.add(file);
  const outgoing: OutgoingBundle = { ...bundle, id, file, bytes: bytes.length };
  held(core).outgoing.set(id, outgoing);
  return outgoing;
}

export function heldExport(core: Core, exportId: string): OutgoingBundle {
  const found = held(core).outgoing.get(exportId);
  if (!found || !fs.existsSync(found.file)) {
    throw new AppError('not-found', 'That bundle is no longer waiting to be saved: it was put aside, or the app has been restarted since it was made. Export it again.');
  }
  return found;
}

export function forgetExport(core: Core, exportId: string): boolean {
  const outgoing = held(core).outgoing;
  const found = outgoing.get(exportId);
  if (!found) return false;
  outgoing.delete(exportId);
  removeQuietly(found.file);
  return true;
}

/** Deletes every file this core holds: when the app closes. */
export function discardAll(core: Core): void {
  const found = heldByCore.get(core);
  if (!found) return;
  for (const id of [...found.incoming.keys()]) discardIncoming(core, id);
  for (const id of [...found.outgoing.keys()]) forgetExport(core, id);
}
