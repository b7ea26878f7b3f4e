/**
 * The web app manifests (docs/ux.md §Shell): the wallet is an app of its own at `/`, each desk one
 * at its path, and every icon a manifest names exists at the size it claims. Chrome's install and
 * splash screen need PNGs of 192 and 512 px; Lighthouse looks for a maskable one.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const publicDir = fileURLToPath(new URL('../../../public/', import.meta.url));

interface Icon {
  src: string;
  sizes: string;
  type: string;
  purpose: string;
}

const manifest = (name: string) =>
  JSON.parse(readFileSync(`${publicDir}${name}`, 'utf8')) as Record<string, unknown> & {
    icons: Icon[];
  };

/** Width and height from a PNG's IHDR chunk (bytes 16–23, big-endian), after its signature. */
function pngSize(file: string): { width: number; height: number } {
  const bytes = readFileSync(`${publicDir}${file}`);
  expect(bytes.subarray(0, 8)).toEqual(Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]));
  expect(bytes.subarray(12, 16).toString('latin1')).toBe('IHDR');
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

/** pngjs ships no type declarations (see src/platform/node/qr-png-decode.ts). */
interface PngModule {
  PNG: { sync: { read(buffer: Buffer): { width: number; height: number; data: Buffer } } };
}
const { PNG } = createRequire(import.meta.url)('pngjs') as PngModule;

/** Alpha of the pixel at (x, y) of an 8-bit RGBA PNG. */
function alphaAt(file: string, x: number, y: number): number {
  const png = PNG.sync.read(readFileSync(`${publicDir}${file}`));
  return png.data[(y * png.width + x) * 4 + 3] as number;
}

const MANIFESTS = [
  { file: 'manifest.webmanifest', path: '/' },
  { file: 'issuer.webmanifest', path: '/issuer' },
  { file: 'verifier.webmanifest', path: '/verifier' },
] as const;

describe('web app manifests', () => {
  it.each(MANIFESTS)(
    'Given $file, then it is an app of its own at $path: id, start_url and scope, standalone, splash colours',
    ({ file, path }) => {
      const m = manifest(file);
      expect(m).toMatchObject({ id: path, start_url: path, scope: path, display: 'standalone' });
      expect(m.background_color).toMatch(/^#[0-9a-f]{6}$/i);
      expect(m.theme_color).toMatch(/^#[0-9a-f]{6}$/i);
      expect(typeof m.name).toBe('string');
      expect(typeof m.short_name).toBe('string');
    },
  );

  it.each(MANIFESTS)(
    'Given $file, then it names PNG icons of 192 and 512 px for any purpose and a 512 px maskable one, each as large as it says',
    ({ file }) => {
      const { icons } = manifest(file);
      const png = (purpose: string, size: number) =>
        icons.find(
          (icon) =>
            icon.type === 'image/png' &&
            icon.purpose === purpose &&
            icon.sizes === `${size}x${size}`,
        );
      expect(png('any', 192)).toBeDefined();
      expect(png('any', 512)).toBeDefined();
      expect(png('maskable', 512)).toBeDefined();
      expect(icons.find((icon) => icon.src === '/icon.svg')?.purpose).toBe('any');
      for (const icon of icons.filter((i) => i.type === 'image/png')) {
        const [width, height] = icon.sizes.split('x').map(Number);
        expect(pngSize(icon.src.slice(1)), icon.src).toEqual({ width, height });
      }
    },
  );

  it('Given the wallet manifest, then it keeps the web+vouch protocol handler; the desks take no links', () => {
    expect(manifest('manifest.webmanifest').protocol_handlers).toEqual([
      { protocol: 'web+vouch', url: '/#link=%s' },
    ]);
    expect(manifest('issuer.webmanifest').protocol_handlers).toBeUndefined();
    expect(manifest('verifier.webmanifest').protocol_handlers).toBeUndefined();
  });

  it('Given the icons, then the maskable one is opaque to its corners (full bleed) and the "any" one has rounded, transparent corners', () => {
    expect(alphaAt('icon-maskable-512.png', 0, 0)).toBe(255);
    expect(alphaAt('icon-512.png', 0, 0)).toBe(0);
    expect(alphaAt('icon-512.png', 256, 256)).toBe(255);
    expect(pngSize('apple-touch-icon.png')).toEqual({ width: 180, height: 180 });
    expect(alphaAt('apple-touch-icon.png', 0, 0)).toBe(255);
  });
});
