// The email draft: an .eml that Outlook opens as a message ready to send, with the marking in
// its subject, no recipient, and the bundle attached byte for byte. The MIME is read back here
// with a small reader of its own (headers, boundary, base64, quoted-printable, encoded words).
import crypto from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { composeEmailDraft } from '../../electron/core/bundles/email-draft';

interface Part {
  headers: Map<string, string>;
  body: string;
}

/** Splits a MIME entity into its (unfolded, lower-cased) headers and its body. */
function parsePart(text: string): Part {
  const split = text.indexOf('\r\n\r\n');
  const head = text.slice(0, split).replace(/\r\n[ \t]+/g, ' ');
  const headers = new Map<string, string>();
  for (const line of head.split('\r\n')) {
    const colon = line.indexOf(':');
    headers.set(line.slice(0, colon).toLowerCase(), line.slice(colon + 1).trim());
  }
  return { headers, body: text.slice(split + 4) };
}

function parts(message: Part): Part[] {
  const boundary = /boundary="([^"]+)"/.exec(message.headers.get('content-type') ?? '')?.[1];
  if (boundary === undefined) throw new Error('The message has no boundary');
  // The CRLF before each delimiter belongs to the delimiter, not to the part before it.
  const [, ...rest] = `\r\n${message.body}`.split(`\r\n--${boundary}`);
  return rest.filter((chunk) => !chunk.startsWith('--')).map((chunk) => parsePart(chunk.replace(/^\r\n/, '')));
}

/** RFC 2047 encoded words, in Q or B encoding; adjacent words join without the space between. */
function decodeWords(value: string): string {
  return value
    .replace(/\?=\s+=\?/g, '?==?')
    .replace(/=\?utf-8\?([QB])\?([^?]*)\?=/gi, (_word, encoding: string, text: string) =>
      encoding.toUpperCase() === 'B' ? Buffer.from(text, 'base64').toString('utf8') : decodeQuotedPrintable(text.replace(/_/g, ' ')),
    );
}

function decodeQuotedPrintable(text: string): string {
  const bytes = text.replace(/=\r\n/g, '').replace(/=([0-9A-F]{2})/gi, (_match, hex: string) => String.fromCharCode(parseInt(hex, 16)));
  return Buffer.from(bytes, 'latin1').toString('utf8');
}

const SUBJECT = 'OFFICIAL-SENSITIVE: Northmoor Borough Council improvement plan – “Early help” theme';
const BODY = 'Here is the improvement plan bundle (£0 cost to open).\nThe passphrase comes separately.\n';
const DATE = new Date(Date.UTC(2025, 5, 4, 9, 30));

async function draft(fileName: string, content: Buffer, subject = SUBJECT) {
  const eml = (await composeEmailDraft({ subject, text: BODY, attachment: { fileName, content }, date: DATE })).toString('latin1');
  const message = parsePart(eml);
  return { eml, message, parts: parts(message) };
}

describe('the email draft', () => {
  it('opens as an unsent draft with the marking in its subject and no recipient', async () => {
    const { eml, message } = await draft('plan.g2g', Buffer.from('bundle'));
    expect(message.headers.get('x-unsent')).toBe('1');
    expect(decodeWords(message.headers.get('subject')!)).toBe(SUBJECT);
    expect(message.headers.get('date')).toBe('Wed, 04 Jun 2025 09:30:00 +0000');
    expect(message.headers.get('mime-version')).toBe('1.0');
    for (const recipient of ['to', 'cc', 'bcc', 'from']) expect(message.headers.has(recipient)).toBe(false);
    expect(eml.split('\r\n').every((line) => line.length <= 998 && !line.includes('\n'))).toBe(true);
  });

  it('carries the text and the bundle byte for byte', async () => {
    const content = crypto.randomBytes(300_000);
    const { parts: [text, attachment] } = await draft('Northmoor-improvement-plan-2025-06-04.g2g', content);
    expect(text!.headers.get('content-type')).toMatch(/^text\/plain; charset=utf-8/);
    const decoded = text!.headers.get('content-transfer-encoding') === 'quoted-printable' ? decodeQuotedPrintable(text!.body) : text!.body;
    expect(decoded).toBe(BODY.replace(/\n/g, '\r\n'));

    expect(attachment!.headers.get('content-type')).toMatch(/^application\/octet-stream/);
    expect(attachment!.headers.get('content-disposition')).toBe('attachment; filename=Northmoor-improvement-plan-2025-06-04.g2g');
    expect(attachment!.headers.get('content-transfer-encoding')).toBe('base64');
    expect(Buffer.from(attachment!.body.replace(/\r\n/g, ''), 'base64').equals(content)).toBe(true);
  });

  it('names an attachment with accents so a mail program can read it back', async () => {
    const { parts: [, attachment] } = await draft('Plan für Northmoor.g2g', Buffer.alloc(0));
    const disposition = attachment!.headers.get('content-disposition')!;
    const encoded = [...disposition.matchAll(/filename\*\d+\*?=(?:utf-8'')?([^;]+)/g)].map((match) => match[1]).join('');
    expect(decodeURIComponent(encoded)).toBe('Plan für Northmoor.g2g');
    expect(attachment!.body.trim()).toBe('');
  });

  it('keeps a line break in the subject from starting a header of its own', async () => {
    const { message } = await draft('plan.g2g', Buffer.from('x'), 'OFFICIAL: plan\r\nBcc: someone@example.org');
    expect(message.headers.has('bcc')).toBe(false);
    expect(decodeWords(message.headers.get('subject')!)).toBe('OFFICIAL: plan Bcc: someone@example.org');
  });
});
