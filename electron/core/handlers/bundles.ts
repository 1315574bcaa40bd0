// Plan bundles: a plan, or one theme of it, sent out as a signed `.g2g` file people without the
// app can still read, and brought back with the changes made elsewhere: checked, previewed and
// merged in one transaction after a backup, never silently. The format and the merge rules are
// in electron/core/bundles/README.md.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { asc, eq } from 'drizzle-orm';
import { trustedKeys } from '../../../db/schema';
import { BUNDLE_CHUNK_BASE64 } from '../../../shared/vocabulary';
import { AppError } from '../../../shared/errors';
import type { Core } from '../core';
import { applyBundle } from '../bundles/apply';
import { composeEmailDraft } from '../bundles/email-draft';
import { exportBundle } from '../bundles/export';
import { inspectBundle } from '../bundles/inspect';
import { nothingSaved } from '../bundles/refusals';
import { loadOrCreateInstallationKey } from '../bundles/signing';
import { discardIncoming, forgetExport, heldExport, incomingTransfer, receivePiece } from '../bundles/transfers';
import { describeWriteProblem, FileNotWritten, writeNewFiles } from '../files';
import { fieldError } from './plan-setup-common';
import { assertPlanExists } from './plans';
import type { HandlerGroup } from './types';

/** The most bytes one download piece carries: 8 MB of base64 is 6 MB of file. */
const CHUNK_BYTES = (BUNDLE_CHUNK_BASE64 / 4) * 3;

/** Where email drafts go unless another folder is chosen: beside the person's documents. */
export function defaultEmailFolder(core: Pick<Core, 'dataDirectory'>, home = os.homedir()): string {
  const documents = path.join(home, 'Documents');
  if (fs.existsSync(documents) && fs.statSync(documents).isDirectory()) return path.join(documents, 'Getting to Good', 'Outgoing');
  return path.join(core.dataDirectory, 'outgoing-email');
}

/** A name in the folder not yet taken: "plan.g2g", then "plan (2).g2g". */
function freeName(folder: string, base: string, extensions: string[]): string {
  for (let count = 1; ; count += 1) {
    const candidate = count === 1 ? base : `${base} (${count})`;
    if (extensions.every((extension) => !fs.existsSync(path.join(folder, `${candidate}${extension}`)))) return candidate;
  }
}

export const bundleHandlers: HandlerGroup<
  | 'bundles.signingKey'
  | 'bundles.trustedKeys'
  | 'bundles.forgetKey'
  | 'bundles.export'
  | 'bundles.download'
  | 'bundles.prepareEmail'
  | 'bundles.defaultFolder'
  | 'bundles.receive'
  | 'bundles.inspect'
  | 'bundles.apply'
  | 'bundles.discard'
  | 'bundles.forgetExport'
> = {
  'bundles.signingKey': (_input, core) => {
    const key = loadOrCreateInstallationKey(core.dataDirectory);
    return { fingerprint: key.fingerprint, publicKey: key.publicKey };
  },

  'bundles.trustedKeys': (_input, core) =>
    core.db
      .select({ fingerprint: trustedKeys.fingerprint, label: trustedKeys.label, addedAt: trustedKeys.addedAt })
      .from(trustedKeys)
      .orderBy(asc(trustedKeys.label))
      .all(),

  'bundles.forgetKey': (input, core) => {
    const known = core.db.select().from(trustedKeys).where(eq(trustedKeys.fingerprint, input.fingerprint)).get();
    if (!known) throw new AppError('not-found', 'That key is not trusted here, so there is nothing to forget.', { fingerprint: input.fingerprint });
    core.write(null, (unit) => {
      unit.db.delete(trustedKeys).where(eq(trustedKeys.fingerprint, input.fingerprint)).run();
      unit.changed.add('trusted_keys');
    });
    return { forgotten: true as const };
  },

  'bundles.export': async (input, core) => {
    assertPlanExists(core, input.planId);
    return exportBundle(core, input);
  },

  'bundles.download': async (input, core) => {
    const held = heldExport(core, input.exportId);
    if (input.offset > held.bytes) throw fieldError('offset', `The bundle is ${held.bytes.toLocaleString('en-GB')} bytes long, so no piece starts after that`);
    const length = Math.min(CHUNK_BYTES, held.bytes - input.offset);
    const piece = Buffer.alloc(length);
    const handle = await fs.promises.open(held.file, 'r');
    try {
      await handle.read(piece, 0, length, input.offset);
    } finally {
      await handle.close();
    }
    const next = input.offset + length;
    return { chunkBase64: piece.toString('base64'), offset: next, done: next >= held.bytes };
  },

  'bundles.prepareEmail': async (input, core) => {
    const held = heldExport(core, input.exportId);
    if (!path.isAbsolute(input.folder)) throw fieldError('folder', 'Choose the folder by its full path, such as C:\\Users\\you\\Documents');
    if (fs.existsSync(input.folder) && !fs.statSync(input.folder).isDirectory()) {
      throw fieldError('folder', `${input.folder} is there already, but that is a file, not a folder; choose a folder`);
    }
    try {
      fs.mkdirSync(input.folder, { recursive: true });
    } catch (error) {
      const problem = describeWriteProblem(error, input.folder);
      throw fieldError('folder', `The folder ${input.folder} could not be made: ${problem.reason}; ${problem.advice}`);
    }
    const base = freeName(input.folder, held.fileName.replace(/\.g2g$/, ''), ['.g2g', '.eml']);
    const bundlePath = path.join(input.folder, `${base}.g2g`);
    const emailPath = path.join(input.folder, `${base}.eml`);
    const content = await fs.promises.readFile(held.file);
    const email = await composeEmailDraft({ subject: held.subject, text: held.emailText, attachment: { fileName: `${base}.g2g`, content }, date: core.clock() });
    // Both files whole or neither (each written in full under a partial name before it is
    // named); a file someone else put there meanwhile is refused, never replaced.
    try {
      await writeNewFiles(
        [
          { file: bundlePath, bytes: content },
          { file: emailPath, bytes: email },
        ],
        { what: 'bundle and its email draft' },
      );
    } catch (error) {
      if (!(error instanceof FileNotWritten)) throw error;
      throw fieldError('folder', `The bundle and the email draft could not be written to ${input.folder}: ${error.problem.reason}; ${error.problem.advice}`);
    }
    return { bundlePath, emailPath, subject: held.subject };
  },

  'bundles.defaultFolder': (_input, core) => ({ folder: defaultEmailFolder(core) }),

  'bundles.receive': (input, core) => {
    const transfer = receivePiece(core, input.transferId, input.fileName, input.chunkBase64);
    return { transferId: transfer.id, receivedBytes: transfer.bytes };
  },

  'bundles.inspect': async (input, core) => {
    const transfer = incomingTransfer(core, input.transferId);
    return (await inspectBundle(core, transfer, input.passphrase)).inspection;
  },

  // Everything is checked again: the database may have changed since the preview was shown.
  'bundles.apply': async (input, core) => {
    const transfer = incomingTransfer(core, input.transferId);
    try {
      const { bundle, plan, inspection } = await inspectBundle(core, transfer, input.passphrase);
      const applied = applyBundle(core, bundle, plan, {
        resolutions: input.resolutions,
        trustSignerAs: input.trustSignerAs,
        trustSigner: inspection.signer.trust !== 'this-installation',
      });
      discardIncoming(core, transfer.id);
      return applied;
    } catch (error) {
      throw nothingSaved(error);
    }
  },

  'bundles.discard': (input, core) => {
    discardIncoming(core, input.transferId);
    return { discarded: true as const };
  },

  'bundles.forgetExport': (input, core) => {
    forgetExport(core, input.exportId);
    return { forgotten: true as const };
  },
};
