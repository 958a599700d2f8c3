// Draws the Teams app icons into appPackage/: color.png (192x192, full colour) and outline.png (32x32, white
// on transparent, as Teams requires). Run once after changing the design: `npx ts-node`-free via
// `npm run build && node dist/scripts/teamsIcons.js`; the PNGs are committed.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { encodePng, type RgbaImage } from '../src/channels/teams/png';
import { repoRoot } from '../src/paths';

type Shape = (x: number, y: number) => boolean;

/** Coverage of each pixel by `shape` (4x4 supersampling), in 0..1. */
function coverage(size: number, shape: Shape): Float32Array {
  const out = new Float32Array(size * size);
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      let hits = 0;
      for (let sy = 0; sy < 4; sy++) for (let sx = 0; sx < 4; sx++) if (shape((x + (sx + 0.5) / 4) / size, (y + (sy + 0.5) / 4) / size)) hits++;
      out[y * size + x] = hits / 16;
    }
  }
  return out;
}

function distToSegment(px: number, py: number, ax: number, ay: number, bx: number, by: number): number {
  const t = Math.max(0, Math.min(1, ((px - ax) * (bx - ax) + (py - ay) * (by - ay)) / ((bx - ax) ** 2 + (by - ay) ** 2)));
  return Math.hypot(px - (ax + t * (bx - ax)), py - (ay + t * (by - ay)));
}

// A check mark inside a ring: "your certification, checked". Coordinates in 0..1.
const check = (width: number): Shape => (x, y) =>
  distToSegment(x, y, 0.3, 0.52, 0.44, 0.66) < width || distToSegment(x, y, 0.44, 0.66, 0.72, 0.36) < width;
const ring = (r: number, width: number): Shape => (x, y) => Math.abs(Math.hypot(x - 0.5, y - 0.5) - r) < width;

export function colorIcon(): RgbaImage {
  const size = 192;
  const badge = coverage(size, (x, y) => Math.hypot(x - 0.5, y - 0.5) < 0.34);
  const mark = coverage(size, check(0.045));
  const pixels = new Uint8Array(size * size * 4);
  const blue = [0x0b, 0x5c, 0xad];
  for (let i = 0; i < size * size; i++) {
    const white = Math.max(badge[i] - mark[i], 0); // white badge, blue check showing through
    for (let c = 0; c < 3; c++) pixels[i * 4 + c] = Math.round(blue[c] * (1 - white) + 255 * white);
    pixels[i * 4 + 3] = 255;
  }
  return { width: size, height: size, pixels };
}

export function outlineIcon(): RgbaImage {
  const size = 32;
  const ringCov = coverage(size, ring(0.42, 0.045));
  const markCov = coverage(size, check(0.05));
  const pixels = new Uint8Array(size * size * 4);
  for (let i = 0; i < size * size; i++) {
    pixels.set([255, 255, 255, Math.round(255 * Math.min(1, ringCov[i] + markCov[i]))], i * 4);
  }
  return { width: size, height: size, pixels };
}

if (require.main === module) {
  const dir = join(repoRoot, 'appPackage');
  writeFileSync(join(dir, 'color.png'), encodePng(colorIcon()));
  writeFileSync(join(dir, 'outline.png'), encodePng(outlineIcon()));
  process.stdout.write(`wrote ${join(dir, 'color.png')} and ${join(dir, 'outline.png')}\n`);
}
