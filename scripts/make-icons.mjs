#!/usr/bin/env node
/**
 * Draws the PNG icons the manifests and iOS need from the mark of public/icon.svg (a white "V" on
 * the brand colour), so no image tool is needed: `node scripts/make-icons.mjs` writes
 *
 *   public/icon-192.png, public/icon-512.png   purpose "any": the rounded tile, transparent corners
 *   public/icon-maskable-512.png               purpose "maskable": full-bleed colour, the mark
 *                                              inside the central 80 % circle (the safe zone)
 *   public/apple-touch-icon.png                180 px, full bleed (iOS rounds the corners itself)
 *
 * Shapes are drawn in the SVG's 64-unit space with 4 × 4 supersampling per pixel. The output is
 * committed; run this again only when the mark changes.
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { PNG } from 'pngjs';

const BRAND = [0x1b, 0x4d, 0x6b];
const INK = [0xff, 0xff, 0xff];
/** public/icon.svg: rect 64 × 64 rx 14, path M17 20 L32 46 L47 20, stroke 7, round caps/joins. */
const RADIUS = 14;
const STROKE = 7;
const V = [
  [17, 20],
  [32, 46],
  [47, 20],
];
const SAMPLES = 4;

function distanceToSegment(px, py, [ax, ay], [bx, by]) {
  const dx = bx - ax;
  const dy = by - ay;
  const t = Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(px - (ax + t * dx), py - (ay + t * dy));
}

function inRoundedSquare(x, y) {
  if (x < 0 || y < 0 || x > 64 || y > 64) return false;
  const cx = Math.min(Math.max(x, RADIUS), 64 - RADIUS);
  const cy = Math.min(Math.max(y, RADIUS), 64 - RADIUS);
  return Math.hypot(x - cx, y - cy) <= RADIUS;
}

/** The mark scaled by `scale` about the centre (32, 32). */
function inMark(x, y, scale) {
  const ux = 32 + (x - 32) / scale;
  const uy = 32 + (y - 32) / scale;
  return (
    distanceToSegment(ux, uy, V[0], V[1]) <= STROKE / 2 ||
    distanceToSegment(ux, uy, V[1], V[2]) <= STROKE / 2
  );
}

function draw({ size, fullBleed, markScale }) {
  const png = new PNG({ width: size, height: size });
  for (let py = 0; py < size; py += 1) {
    for (let px = 0; px < size; px += 1) {
      let tile = 0;
      let mark = 0;
      for (let sy = 0; sy < SAMPLES; sy += 1) {
        for (let sx = 0; sx < SAMPLES; sx += 1) {
          const x = ((px + (sx + 0.5) / SAMPLES) / size) * 64;
          const y = ((py + (sy + 0.5) / SAMPLES) / size) * 64;
          const onTile = fullBleed || inRoundedSquare(x, y);
          if (onTile) tile += 1;
          if (onTile && inMark(x, y, markScale)) mark += 1;
        }
      }
      const total = SAMPLES * SAMPLES;
      const markShare = tile === 0 ? 0 : mark / tile;
      const at = (py * size + px) * 4;
      for (let c = 0; c < 3; c += 1) {
        png.data[at + c] = Math.round(BRAND[c] * (1 - markShare) + INK[c] * markShare);
      }
      png.data[at + 3] = Math.round((tile / total) * 255);
    }
  }
  return PNG.sync.write(png);
}

const out = (name) => fileURLToPath(new URL(`../public/${name}`, import.meta.url));
const icons = [
  { name: 'icon-192.png', size: 192, fullBleed: false, markScale: 1 },
  { name: 'icon-512.png', size: 512, fullBleed: false, markScale: 1 },
  // The mark reaches 0.377 of the size from the centre at scale 1; 0.8 keeps it well inside 0.4.
  { name: 'icon-maskable-512.png', size: 512, fullBleed: true, markScale: 0.8 },
  { name: 'apple-touch-icon.png', size: 180, fullBleed: true, markScale: 0.9 },
];
for (const icon of icons) {
  writeFileSync(out(icon.name), draw(icon));
  console.log(`public/${icon.name} (${icon.size} × ${icon.size})`);
}
