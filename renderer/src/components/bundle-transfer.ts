// Moving a bundle between the page and the services in pieces of at most 8 MB of base64, so a
// bundle of any size the limits allow crosses every transport: read back piece by piece into a
// download, and sent piece by piece before it is checked.
import { BUNDLE_CHUNK_BASE64 } from '../../../shared/vocabulary';
import type { Client } from '../client/client';
import { base64Bytes, saveBlob } from './files';

/** Bytes per piece: three quarters of the base64 a call may carry, so each piece fits whole. */
const PIECE_BYTES = (BUNDLE_CHUNK_BASE64 / 4) * 3;

function toBase64(bytes: Uint8Array): string {
  let binary = '';
  const step = 0x8000;
  for (let index = 0; index < bytes.length; index += step) {
    binary += String.fromCharCode(...bytes.subarray(index, index + step));
  }
  return btoa(binary);
}

/** Sends a chosen file to the services; resolves with the id `bundles.inspect` and `bundles.apply` take. */
export async function sendBundle(client: Client, file: File, onProgress: (sentBytes: number) => void): Promise<string> {
  let transferId: string | null = null;
  let offset = 0;
  do {
    const piece = new Uint8Array(await file.slice(offset, offset + PIECE_BYTES).arrayBuffer());
    const received: { transferId: string } = await client.call('bundles.receive', { transferId, fileName: file.name, chunkBase64: toBase64(piece) });
    transferId = received.transferId;
    offset += piece.length;
    onProgress(offset);
  } while (offset < file.size);
  if (!transferId) throw new Error(`“${file.name}” is empty.`);
  return transferId;
}

/** Reads an exported bundle back and hands it to the browser's downloads under its name. */
export async function downloadBundle(client: Client, exportId: string, fileName: string, onProgress: (readBytes: number) => void): Promise<void> {
  const pieces: Uint8Array<ArrayBuffer>[] = [];
  let offset = 0;
  for (;;) {
    const chunk = await client.call('bundles.download', { exportId, offset });
    const bytes = base64Bytes(chunk.chunkBase64);
    pieces.push(bytes);
    offset += bytes.length;
    onProgress(offset);
    if (chunk.done) break;
  }
  saveBlob(new Blob(pieces, { type: 'application/octet-stream' }), fileName);
}
