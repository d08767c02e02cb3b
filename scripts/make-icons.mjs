// Draws the toolbar icon (a radar: rings and a sweep, no State branding) at the
// sizes the stores ask for, into public/icon/<size>.png. Run once when the design
// changes: node scripts/make-icons.mjs. No dependency: PNG encoded by hand.

import { mkdirSync, writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

const SIZES = [16, 32, 48, 96, 128];
const BLUE = [31, 79, 191];
const SWEEP = [88, 214, 141];

function crc32(bytes) {
  let crc = ~0;
  for (const b of bytes) {
    crc ^= b;
    for (let k = 0; k < 8; k++) crc = (crc >>> 1) ^ (0xedb88320 & -(crc & 1));
  }
  return ~crc >>> 0;
}

function chunk(type, data) {
  const out = Buffer.alloc(12 + data.length);
  out.writeUInt32BE(data.length, 0);
  out.write(type, 4, 'ascii');
  data.copy(out, 8);
  out.writeUInt32BE(crc32(out.subarray(4, 8 + data.length)), 8 + data.length);
  return out;
}

function png(size, pixel) {
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0;
    for (let x = 0; x < size; x++) raw.set(pixel(x, y), y * (size * 4 + 1) + 1 + x * 4);
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, 6, 0, 0, 0], 8);
  return Buffer.concat([Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]), chunk('IHDR', header), chunk('IDAT', deflateSync(raw)), chunk('IEND', Buffer.alloc(0))]);
}

function radar(size) {
  const c = (size - 1) / 2;
  const r = size / 2;
  const ring = Math.max(1, size / 16);
  return (x, y) => {
    const dx = x - c;
    const dy = y - c;
    const d = Math.hypot(dx, dy);
    if (d > r - 0.5) return [0, 0, 0, 0];
    const angle = Math.atan2(-dy, dx);
    const inSweep = angle > Math.PI / 6 && angle < Math.PI / 2 && d < r * 0.9;
    const onRing = [0.9, 0.58, 0.26].some((f) => Math.abs(d - r * f) < ring / 2 + 0.35);
    if (d < ring) return [255, 255, 255, 255];
    if (onRing) return [255, 255, 255, 255];
    if (inSweep) return [...SWEEP, 255];
    return [...BLUE, 255];
  };
}

mkdirSync(new URL('../public/icon/', import.meta.url), { recursive: true });
for (const size of SIZES) {
  writeFileSync(new URL(`../public/icon/${size}.png`, import.meta.url), png(size, radar(size)));
}
console.log(`wrote public/icon/{${SIZES.join(',')}}.png`);
