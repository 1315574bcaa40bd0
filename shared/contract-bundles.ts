// Contract methods for plan bundles (DESIGN.md "Plan bundles", DOMAIN.md section 8): a plan, or
// one theme of it, sent out as a signed `.g2g` file that people without the app can still read,
// and brought back with the changes made elsewhere, previewed and merged, never silently.
//
// Files cross the contract in pieces of at most 8 MB of base64, so a bundle of any size the
// limits allow travels over every transport: an exported bundle is read back piece by piece
// (`bundles.download`), and a bundle to import is sent piece by piece (`bundles.receive`)
// before it is checked (`bundles.inspect`) and applied (`bundles.apply`).
import * as z from 'zod';
import { ClassificationSchema, Id, method, type MethodDefinition } from './contract-kit';
import { BUNDLE_CHUNK_BASE64, PASSPHRASE_MIN_LENGTH } from './vocabulary';


// Checked by looking for what base64 cannot hold (a single scan, fast on 8 MB) rather than by
// matching the whole text against what it may hold.
const base64Chunk = z
  .string()
  .max(BUNDLE_CHUNK_BASE64, 'A piece of a file can be at most 8 MB of base64')
  .refine((text) => !/[^A-Za-z0-9+/=]/.test(text) && !/=[^=]/.test(text), 'A piece of a file must be base64');

const passphrase = z
  .string()
  .min(PASSPHRASE_MIN_LENGTH, `A passphrase must be at least ${PASSPHRASE_MIN_LENGTH} characters`)
  .max(1000, 'A passphrase can be at most 1,000 characters');

/** The installation's signing key as people compare it: SHA-256 of the public key in groups of four. */
export const SigningKey = z.object({
  fingerprint: z.string(),
  publicKey: z.string(),
});
export type SigningKey = z.infer<typeof SigningKey>;

export const TrustedKey = z.object({ fingerprint: z.string(), label: z.string(), addedAt: z.string() });
export type TrustedKey = z.infer<typeof TrustedKey>;

// ---------------------------------------------------------------- export

export const ExportBundleInput = z
  .object({
    planId: Id,
    /** Only this theme's actions and KPIs (with the plan's frame around them), for its lead. */
    themeId: Id.nullable().default(null),
    /** The handling marking printed on the readable copies and the email: OFFICIAL or OFFICIAL-SENSITIVE. */
    classification: ClassificationSchema,
    /** Encrypts the whole bundle; null leaves it readable by anyone who has the file. */
    passphrase: passphrase.nullable().default(null),
    /** Leave out the plan as a PDF (it needs a browser to print with); the spreadsheet is always in. */
    withPdf: z.boolean().default(true),
  })
  .strict();
export type ExportBundleInput = z.input<typeof ExportBundleInput>;

/** Counts of records by kind (`actions`, `kpi_values`, …), as the bundle's data holds them. */
const KindCounts = z.record(z.string(), z.number().int());

export const ExportedBundle = z.object({
  /** Names the file waiting to be downloaded or written out; it is kept until the app closes. */
  exportId: Id,
  bundleId: Id,
  fileName: z.string(),
  bytes: z.number().int(),
  encrypted: z.boolean(),
  fingerprint: z.string(),
  records: KindCounts,
  attachments: z.number().int(),
  /** The readable copies inside: `plan.pdf`, `action-plan.xlsx`. */
  readableCopies: z.array(z.string()),
});
export type ExportedBundle = z.infer<typeof ExportedBundle>;

export const DownloadChunk = z.object({
  chunkBase64: z.string(),
  /** Where the next piece starts, in bytes: the offset to ask for next. */
  offset: z.number().int(),
  done: z.boolean(),
});

export const EmailDraft = z.object({
  bundlePath: z.string(),
  emailPath: z.string(),
  subject: z.string(),
});
export type EmailDraft = z.infer<typeof EmailDraft>;

// ---------------------------------------------------------------- import

export const ReceiveInput = z
  .object({
    /** Null for the first piece; then the id the first piece was given. */
    transferId: Id.nullable(),
    fileName: z.string().trim().min(1).max(260),
    chunkBase64: base64Chunk,
  })
  .strict();

export const Received = z.object({ transferId: Id, receivedBytes: z.number().int() });

/** One field of a record changed on both sides, as the two sides have it. */
export const ConflictField = z.object({ field: z.string(), label: z.string(), here: z.string(), incoming: z.string() });

export const BundleConflict = z.object({
  kind: z.string(),
  /** The kind as people say it: "action", "KPI value". */
  kindLabel: z.string(),
  id: Id,
  /** What the record is, in words: "Action 2.3: Audit every open CIN case". */
  description: z.string(),
  /** Whether either side deleted it. */
  deletedHere: z.boolean(),
  deletedIncoming: z.boolean(),
  fields: z.array(ConflictField),
  hereChangedBy: z.string(),
  hereChangedAt: z.string(),
  incomingChangedBy: z.string(),
  incomingChangedAt: z.string(),
});
export type BundleConflict = z.infer<typeof BundleConflict>;

export const KindPreview = z.object({
  kind: z.string(),
  kindLabel: z.string(),
  added: z.number().int(),
  changed: z.number().int(),
  deleted: z.number().int(),
  /** Changed here only since the bundle was made: kept as they are here. */
  keptHere: z.number().int(),
  unchanged: z.number().int(),
  conflicts: z.number().int(),
  /** Up to 20 descriptions of the added, changed and deleted records, for the preview. */
  examples: z.array(z.object({ change: z.enum(['added', 'changed', 'deleted']), description: z.string() })),
});
export type KindPreview = z.infer<typeof KindPreview>;

export const BundleInspection = z.object({
  transferId: Id,
  bundleId: Id,
  fileName: z.string(),
  formatVersion: z.number().int(),
  appVersion: z.string(),
  createdAt: z.string(),
  createdBy: z.string(),
  authority: z.string(),
  planId: Id,
  planTitle: z.string(),
  /** The theme the bundle was cut to, or null for the whole plan. */
  themeTitle: z.string().nullable(),
  classification: ClassificationSchema,
  encrypted: z.boolean(),
  signer: z.object({
    fingerprint: z.string(),
    /** this-installation, trusted (with its label), or unknown. */
    trust: z.enum(['this-installation', 'trusted', 'unknown']),
    label: z.string().nullable(),
  }),
  /** Whether the plan is new here, or an update of a plan already here. */
  planIsNew: z.boolean(),
  kinds: z.array(KindPreview),
  conflicts: z.array(BundleConflict),
  attachments: z.object({ added: z.number().int(), bytes: z.number().int() }),
  /** Whether applying it would change anything at all. */
  hasChanges: z.boolean(),
});
export type BundleInspection = z.infer<typeof BundleInspection>;

export const InspectInput = z.object({ transferId: Id, passphrase: z.string().max(1000).nullable().default(null) }).strict();
export type InspectInput = z.input<typeof InspectInput>;

export const ApplyInput = z
  .object({
    transferId: Id,
    passphrase: z.string().max(1000).nullable().default(null),
    /** For every conflict, which side wins; a conflict left out refuses the whole import. */
    resolutions: z.record(Id, z.enum(['here', 'incoming'])).default({}),
    /** Trust the signer's key from now on, under this label (such as "Leaving care lead"). */
    trustSignerAs: z.string().trim().min(1).max(200).nullable().default(null),
  })
  .strict();
export type ApplyInput = z.input<typeof ApplyInput>;

export const AppliedBundle = z.object({
  planId: Id,
  added: z.number().int(),
  changed: z.number().int(),
  deleted: z.number().int(),
  /** The copy of the database taken just before the import. */
  backupFile: z.string(),
});
export type AppliedBundle = z.infer<typeof AppliedBundle>;

// ---------------------------------------------------------------- the methods

const ExportOnly = z.object({ exportId: Id }).strict();

export const bundleMethods = {
  /** This installation's key: its fingerprint is what a recipient checks by phone. */
  'bundles.signingKey': method(z.object({}).strict().default({}), SigningKey),
  'bundles.trustedKeys': method(z.object({}).strict().default({}), z.array(TrustedKey)),
  'bundles.forgetKey': method(z.object({ fingerprint: z.string().min(1).max(200) }).strict(), z.object({ forgotten: z.literal(true) }), true),
  /** Makes the bundle and keeps it until it is downloaded or written out. */
  'bundles.export': method(ExportBundleInput, ExportedBundle),
  'bundles.download': method(z.object({ exportId: Id, offset: z.number().int().min(0) }).strict(), DownloadChunk),
  /** Writes the bundle and an unsent email with it attached into a folder of this computer. */
  'bundles.prepareEmail': method(
    z.object({ exportId: Id, folder: z.string().trim().min(1, 'Choose a folder').max(1000) }).strict(),
    EmailDraft,
  ),
  /** The folder email drafts go to unless another is chosen. */
  'bundles.defaultFolder': method(z.object({}).strict().default({}), z.object({ folder: z.string() })),
  'bundles.receive': method(ReceiveInput, Received),
  /** Checks everything and says what applying would change; nothing is saved. */
  'bundles.inspect': method(InspectInput, BundleInspection),
  /** Backs up the database, then applies the bundle in one transaction or not at all. */
  'bundles.apply': method(ApplyInput, AppliedBundle, true),
  'bundles.discard': method(z.object({ transferId: Id }).strict(), z.object({ discarded: z.literal(true) })),
  'bundles.forgetExport': method(ExportOnly, z.object({ forgotten: z.literal(true) })),
} satisfies Record<string, MethodDefinition>;
