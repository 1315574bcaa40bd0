// The Chromium pack printer against a small stand-in for the print view, served with the app's
// Content-Security-Policy and token check: it waits for the view's ready signal (the stand-in
// draws late on purpose), prints A4 with the marking and "Page N of M" from the page's own @page
// margin boxes, reads the chart images, keeps one browser for every print, and explains each way
// printing can fail. The real print view is printed in pack-pdf.test.ts.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../electron/core/content-security-policy';
import { ChromiumPackPrinter } from '../../electron/core/printing/chromium-printer';
import { findChromium, usualChromiumPlaces } from '../../electron/core/printing/find-chromium';
import { decodeChartImages, PACK_PRINT_OPTIONS } from '../../electron/core/printing/print-view';
import { AppError } from '../../shared/errors';
import { makeTempDirectory } from '../support/temp-app';

// A 2 by 1 PNG, red then blue.
const PNG_BASE64 = 'iVBORw0KGgoAAAANSUhEUgAAAAIAAAABCAIAAAB7QOjdAAAADUlEQVR4nGP4zwAE/wEHAAH/4iOeWQAAAABJRU5ErkJggg==';
const TOKEN = 'scratch-token-0123456789';

const PAGE = `<!doctype html>
<html lang="en-GB"><head><meta charset="utf-8"><title>Pack</title>
<link rel="stylesheet" href="/print.css"><script type="module" src="/print.js"></script>
</head><body><main id="pack"></main></body></html>`;

const STYLE = `
@page { size: A4; margin: 22mm 18mm;
  @top-center { content: "OFFICIAL-SENSITIVE"; font: bold 10pt sans-serif; }
  @bottom-center { content: "Page " counter(page) " of " counter(pages); font: 9pt sans-serif; } }
body { font: 11pt sans-serif; }
table { border-collapse: collapse; width: 100%; } thead { display: table-header-group; }
tr { break-inside: avoid; } td, th { border: 1px solid #888; padding: 3pt; }
img { width: 60mm; break-inside: avoid; }`;

// Draws the pack named in the route a moment after loading, as the real view does once its data
// and charts are in; "never" shows an alert and never becomes ready, and "broken" gives up.
const SCRIPT = `
const packId = decodeURIComponent(location.hash.replace('#/print/packs/', ''));
const main = document.getElementById('pack');
if (packId === 'never') {
  main.innerHTML = '<p role="alert">Still loading the pack.</p>';
} else if (packId === 'broken') {
  setTimeout(() => {
    main.innerHTML = '<div role="alert"><h2>The pack could not be shown</h2><p>That pack no longer exists.</p></div>';
    document.documentElement.dataset.packReady = 'failed';
  }, 200);
} else {
  setTimeout(() => {
    const rows = Array.from({ length: 120 }, (_, i) => '<tr><td>A' + (i + 1) + '</td><td>Action ' + (i + 1) + ' of pack ' + packId + '</td></tr>').join('');
    main.innerHTML = '<h1>Progress report ' + packId + '</h1><h2>1 Summary</h2><p>All is well.</p>'
      + '<h2>2 Charts</h2><img alt="Chart" data-kpi-id="kpi-1" src="data:image/png;base64,${PNG_BASE64}">'
      + '<h2>3 Appendix: the action plan</h2><table><thead><tr><th>Ref</th><th>Action</th></tr></thead><tbody>' + rows + '</tbody></table>';
    const image = main.querySelector('img');
    image.decode().then(() => { document.documentElement.dataset.packReady = 'true'; });
  }, 300);
}`;

let server: http.Server;
let origin: string;
const requests: string[] = [];

beforeAll(async () => {
  server = http.createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://stand-in');
    requests.push(url.pathname);
    const headers = { 'content-security-policy': CONTENT_SECURITY_POLICY, 'cache-control': 'no-store' };
    if (url.pathname === '/') {
      if (url.searchParams.get('token') !== TOKEN) {
        response.writeHead(401, { 'content-type': 'text/plain' });
        return response.end('Open Getting to Good with the full address printed when it started, including its token.');
      }
      response.writeHead(200, { ...headers, 'content-type': 'text/html; charset=utf-8' });
      return response.end(PAGE);
    }
    if (url.pathname === '/print.css') {
      response.writeHead(200, { ...headers, 'content-type': 'text/css' });
      return response.end(STYLE);
    }
    if (url.pathname === '/print.js') {
      response.writeHead(200, { ...headers, 'content-type': 'text/javascript' });
      return response.end(SCRIPT);
    }
    response.writeHead(404);
    response.end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

const printers: ChromiumPackPrinter[] = [];
function printer(options: Partial<ConstructorParameters<typeof ChromiumPackPrinter>[0]> = {}): ChromiumPackPrinter {
  const made = new ChromiumPackPrinter({ origin, token: TOKEN, ...options });
  printers.push(made);
  return made;
}

afterEach(async () => {
  await Promise.all(printers.splice(0).map((each) => each.close()));
  vi.restoreAllMocks();
});

function pdfText(pdf: Uint8Array): { pages: string[]; info: string; folder: string; file: string } {
  const folder = makeTempDirectory('g2g-pdf-');
  const file = path.join(folder, 'pack.pdf');
  fs.writeFileSync(file, pdf);
  const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
  const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
  return { pages: text.split('\f').filter((page) => page.trim() !== ''), info, folder, file };
}

async function refusal(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => null,
    (thrown: unknown) => thrown,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

describe('printing a print view with Chromium', () => {
  it('waits for the ready signal, then prints A4 with the marking and "Page N of M" on every page, tagged, with an outline', async () => {
    const pdf = await printer().printPack('pack-42');
    expect(Buffer.from(pdf.subarray(0, 5)).toString()).toBe('%PDF-');
    const { pages, info, file } = pdfText(pdf);
    expect(info).toMatch(/Page size:\s+594\.\d+ x 841\.\d+ pts \(A4\)/);
    expect(info).toMatch(/Tagged:\s+yes/);
    const count = Number(/Pages:\s+(\d+)/.exec(info)?.[1]);
    expect(count).toBeGreaterThanOrEqual(3);
    expect(pages).toHaveLength(count);
    pages.forEach((page, index) => {
      expect(page, `page ${index + 1}`).toContain('OFFICIAL-SENSITIVE');
      expect(page, `page ${index + 1}`).toContain(`Page ${index + 1} of ${count}`);
      // The table's header row repeats at the top of every page the table runs onto.
      if (index > 0) expect(page).toMatch(/Ref\s+Action/);
    });
    // Drawn 300 ms after loading: printed only because the printer waited for the signal.
    expect(pages[0]).toContain('Progress report pack-42');
    expect(pages.join('\n')).toContain('Action 120 of pack pack-42');
    expect(fs.readFileSync(file).includes('/Outlines')).toBe(true);
    expect(execFileSync('pdfinfo', ['-struct', file], { encoding: 'utf8' })).toMatch(/H1[\s\S]*Table[\s\S]*TH/);
  });

  it('reads the chart images off the page as PNG bytes by KPI id', async () => {
    const images = await printer().chartImages('pack-7');
    expect([...images.keys()]).toEqual(['kpi-1']);
    expect(Buffer.from(images.get('kpi-1')!).equals(Buffer.from(PNG_BASE64, 'base64'))).toBe(true);
  });

  it('starts one browser on the first print and keeps it for the next, even for prints at the same time', async () => {
    const launch = vi.spyOn(chromium, 'launch');
    const shared = printer();
    const [first, second] = await Promise.all([shared.printPack('one'), shared.printPack('two')]);
    await shared.chartImages('three');
    expect(launch).toHaveBeenCalledTimes(1);
    expect(pdfText(first).pages[0]).toContain('Progress report one');
    expect(pdfText(second).pages[0]).toContain('Progress report two');

    const browser = await launch.mock.results[0]!.value;
    expect(browser.contexts()).toHaveLength(0);
    await shared.close();
    expect(browser.isConnected()).toBe(false);
    const closed = await refusal(shared.printPack('four'));
    expect(closed.code).toBe('unavailable');
  });

  it('gives up on a view that never becomes ready, saying how long it waited and what the page said', async () => {
    const error = await refusal(printer({ readyTimeoutMs: 1500 }).printPack('never'));
    expect(error.message).toBe(
      'The pack’s print view did not finish drawing within 2 seconds, so nothing was printed. The page said: “Still loading the pack.”',
    );
  });

  it('stops at once when the view says it cannot show the pack, with what it said', async () => {
    const started = Date.now();
    const error = await refusal(printer({ readyTimeoutMs: 30_000 }).printPack('broken'));
    expect(Date.now() - started).toBeLessThan(15_000);
    expect(error.message).toBe(
      'The pack’s print view could not show the pack, so nothing was printed: “The pack could not be shown That pack no longer exists.”',
    );
  });

  it('says so when the host refuses the print view', async () => {
    const error = await refusal(printer({ token: 'not-the-token' }).printPack('pack-1'));
    expect(error.message).toContain('could not be opened (the app answered 401: Open Getting to Good with the full address');
  });

  it('refuses with "unavailable" when CHROMIUM_PATH names no program, and again when the browser will not start', async () => {
    vi.stubEnv('CHROMIUM_PATH', '/nowhere/chromium');
    try {
      const missing = await refusal(printer().printPack('pack-1'));
      expect(missing.code).toBe('unavailable');
      expect(missing.message).toContain('CHROMIUM_PATH names “/nowhere/chromium”, which is not a program on this computer');
    } finally {
      vi.unstubAllEnvs();
    }
    const broken = await refusal(printer({ executablePath: '/bin/false' }).printPack('pack-1'));
    expect(broken.code).toBe('unavailable');
    expect(broken.message).toMatch(/^Chromium \(\/bin\/false\) could not be started to print the pack: /);
  });
});

describe('finding Chromium', () => {
  it('takes CHROMIUM_PATH first, then the usual places in order', () => {
    const programs = new Set(['/opt/chromium/chrome', '/usr/bin/chromium-browser']);
    const isProgram = (file: string) => programs.has(file);
    expect(findChromium({ env: { CHROMIUM_PATH: '/opt/chromium/chrome' }, platform: 'linux', isProgram })).toBe('/opt/chromium/chrome');
    expect(findChromium({ env: {}, platform: 'linux', isProgram })).toBe('/usr/bin/chromium-browser');
    programs.add('/usr/bin/chromium');
    expect(findChromium({ env: {}, platform: 'linux', isProgram })).toBe('/usr/bin/chromium');
  });

  it('says what to install or set when there is none', () => {
    let error: unknown;
    try {
      findChromium({ env: {}, platform: 'linux', isProgram: () => false });
    } catch (thrown) {
      error = thrown;
    }
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe('unavailable');
    expect((error as AppError).message).toBe(
      'No Chromium was found to print packs to PDF with (looked for /usr/bin/chromium, /usr/bin/chromium-browser, /usr/bin/google-chrome, /usr/bin/google-chrome-stable). Install Chromium (on Debian: apt-get install chromium) or set CHROMIUM_PATH to a Chromium or Chrome program.',
    );
  });

  it('knows where Chrome and Edge live on Windows and macOS', () => {
    expect(usualChromiumPlaces('win32', { PROGRAMFILES: 'C:\\Program Files' })).toContain('C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe');
    expect(usualChromiumPlaces('darwin', {})).toContain('/Applications/Google Chrome.app/Contents/MacOS/Google Chrome');
  });

  it('finds the Chromium of this machine', () => {
    expect(fs.existsSync(findChromium())).toBe(true);
  });
});

describe('the shared print options and chart images', () => {
  it('are A4, backgrounds printed, the CSS page size and margins obeyed, tagged and outlined, with no header or footer template', () => {
    expect(PACK_PRINT_OPTIONS).toEqual({
      format: 'A4',
      printBackground: true,
      preferCSSPageSize: true,
      tagged: true,
      outline: true,
      margin: { top: '0', right: '0', bottom: '0', left: '0' },
    });
    expect(PACK_PRINT_OPTIONS).not.toHaveProperty('headerTemplate');
    expect(Object.isFrozen(PACK_PRINT_OPTIONS)).toBe(true);
  });

  it('take only PNG images, and name the chart that is not one', () => {
    const png = decodeChartImages([['k1', `data:image/png;base64,${PNG_BASE64}`], ['', 'data:image/png;base64,AAAA'], ['k2', null]]);
    expect([...png.keys()]).toEqual(['k1']);
    expect(() => decodeChartImages([['k3', 'data:image/svg+xml;base64,PHN2Zz4=']])).toThrow('The chart of KPI k3 in the print view is not a PNG image');
    expect(() => decodeChartImages([['k4', 'data:image/png;base64,R0lGODlh']])).toThrow('The chart of KPI k4');
  });
});
