// An email, saved as an .eml file, with a bundle attached: opened in Outlook it is a draft ready
// to send (X-Unsent: 1), with no recipient, so the user chooses who receives the plan.
//
// Guards against: a subject or file name breaking out of its header (line breaks are removed,
// other characters encoded by the composer), and a bundle's bytes changing on the way (the
// attachment is base64, which every mail system carries unchanged).
import MailComposer from 'nodemailer/lib/mail-composer';

export const BUNDLE_MEDIA_TYPE = 'application/octet-stream';

export interface EmailDraftInput {
  /** Starts with the handling marking, for example “OFFICIAL-SENSITIVE: …”. */
  subject: string;
  text: string;
  attachment: { fileName: string; content: Buffer };
  /** When the draft was made; now unless given. */
  date?: Date;
}

export async function composeEmailDraft(draft: EmailDraftInput): Promise<Buffer> {
  const composer = new MailComposer({
    subject: oneLine(draft.subject),
    date: draft.date ?? new Date(),
    // Mail wants CRLF at the end of every line, and the composer leaves bare LFs in plain text.
    text: draft.text.replace(/\r?\n/g, '\r\n'),
    headers: { 'X-Unsent': '1' },
    attachments: [
      {
        filename: oneLine(draft.attachment.fileName),
        content: draft.attachment.content,
        contentType: BUNDLE_MEDIA_TYPE,
        contentTransferEncoding: 'base64',
        contentDisposition: 'attachment',
      },
    ],
  });
  return composer.compile().build();
}

function oneLine(text: string): string {
  return text.replace(/[\r\n]+/g, ' ').trim();
}
