// Reads a printed pack back as a reader would, with poppler: the text of each page as laid out
// (pdftotext -layout), the document's information (pdfinfo), its outline (pdftohtml -xml, since
// pdftotext cannot show one) and the images drawn on each page (pdfimages -list). Also opens the
// Word file's zip far enough to list its parts.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { makeTempDirectory } from '../support/temp-app';

export interface OutlineItem {
  title: string;
  page: number;
  level: number;
}

export interface PdfReading {
  file: string;
  /** The text of each page, laid out as printed. */
  pages: string[];
  info: Record<string, string>;
  pageCount: number;
  outline: OutlineItem[];
  /** Each image drawn, with the page it is drawn on. */
  images: { page: number; width: number; height: number }[];
}

/** Whitespace runs made one space, so text that wraps or spreads over columns can be searched. */
export function flat(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

function decodeEntities(text: string): string {
  return text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#(\d+);/g, (_match, code: string) => String.fromCodePoint(Number(code)))
    .replace(/&amp;/g, '&');
}

function readOutline(file: string): OutlineItem[] {
  const xml = execFileSync('pdftohtml', ['-xml', '-i', '-q', '-stdout', file], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  const start = xml.indexOf('<outline>');
  if (start === -1) return [];
  const items: OutlineItem[] = [];
  let level = 0;
  for (const token of xml.slice(start).matchAll(/<outline>|<\/outline>|<item page="(\d+)">([\s\S]*?)<\/item>/g)) {
    if (token[0] === '<outline>') level += 1;
    else if (token[0] === '</outline>') level -= 1;
    else items.push({ title: decodeEntities((token[2] ?? '').replace(/<[^>]+>/g, '')), page: Number(token[1]), level });
    if (level === 0) break;
  }
  return items;
}

export function readPdf(pdf: Uint8Array | string): PdfReading {
  let file: string;
  if (typeof pdf === 'string') file = pdf;
  else {
    file = path.join(makeTempDirectory('g2g-pack-pdf-'), 'pack.pdf');
    fs.writeFileSync(file, pdf);
  }
  const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const info = Object.fromEntries(
    execFileSync('pdfinfo', [file], { encoding: 'utf8' })
      .split('\n')
      .map((line) => /^([^:]+):\s*(.*)$/.exec(line))
      .filter((match): match is RegExpExecArray => match !== null)
      .map((match) => [match[1]!.trim(), match[2]!.trim()]),
  );
  const images = execFileSync('pdfimages', ['-list', file], { encoding: 'utf8' })
    .split('\n')
    .slice(2)
    .map((line) => line.trim().split(/\s+/))
    .filter((cells) => cells.length > 4 && cells[2] === 'image')
    .map((cells) => ({ page: Number(cells[0]), width: Number(cells[3]), height: Number(cells[4]) }));
  const pageCount = Number(info.Pages);
  // pdftotext ends every page with a form feed.
  const pages = text.split('\f').slice(0, pageCount);
  return { file, pages, info, pageCount, outline: readOutline(file), images };
}

/** The first and last lines of a page that carry text: where the margin boxes print. */
export function edges(page: string): { top: string; bottom: string } {
  const lines = page
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);
  return { top: lines[0] ?? '', bottom: lines.at(-1) ?? '' };
}

/** The parts of a zip file (a .docx) by name, inflated. */
export function zipParts(bytes: Uint8Array): Map<string, Buffer> {
  const buffer = Buffer.from(bytes);
  const end = buffer.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (end === -1) throw new Error('not a zip file');
  const entries = buffer.readUInt16LE(end + 10);
  let offset = buffer.readUInt32LE(end + 16);
  const parts = new Map<string, Buffer>();
  for (let index = 0; index < entries; index += 1) {
    if (buffer.readUInt32LE(offset) !== 0x02014b50) throw new Error('damaged zip directory');
    const method = buffer.readUInt16LE(offset + 10);
    const compressedSize = buffer.readUInt32LE(offset + 20);
    const nameLength = buffer.readUInt16LE(offset + 28);
    const extraLength = buffer.readUInt16LE(offset + 30);
    const commentLength = buffer.readUInt16LE(offset + 32);
    const local = buffer.readUInt32LE(offset + 42);
    const name = buffer.toString('utf8', offset + 46, offset + 46 + nameLength);
    const dataStart = local + 30 + buffer.readUInt16LE(local + 26) + buffer.readUInt16LE(local + 28);
    const data = buffer.subarray(dataStart, dataStart + compressedSize);
    parts.set(name, method === 8 ? zlib.inflateRawSync(data) : Buffer.from(data));
    offset += 46 + nameLength + extraLength + commentLength;
  }
  return parts;
}
