// Draws Vigie's icon (a white shield with a check mark on Fluent blue) as PNG files of the sizes Office asks for.
// Pixels are computed with anti-aliasing by supersampling; PNG written with zlib, no image library needed.
import { deflateSync } from 'node:zlib';
import { writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
const crc32 = (buf) => {
  let c = 0xffffffff;
  for (const b of buf) c = crcTable[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
};
const chunk = (type, data) => {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const td = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(td));
  return Buffer.concat([len, td, crc]);
};

function inside(x, y) {
  // Coordinates in [0,1]. Rounded square background, shield, check mark.
  const r = 0.18;
  const dx = Math.max(r - x, 0, x - (1 - r));
  const dy = Math.max(r - y, 0, y - (1 - r));
  if (dx * dx + dy * dy > r * r) return 'none';
  const sx = Math.abs(x - 0.5);
  const shieldTop = 0.17,
    shieldMid = 0.55,
    shieldBottom = 0.86;
  let inShield = false;
  if (y >= shieldTop && y <= shieldMid) inShield = sx <= 0.3;
  else if (y > shieldMid && y <= shieldBottom) inShield = sx <= 0.3 * (1 - (y - shieldMid) / (shieldBottom - shieldMid));
  const seg = (ax, ay, bx, by) => {
    const t = Math.max(0, Math.min(1, ((x - ax) * (bx - ax) + (y - ay) * (by - ay)) / ((bx - ax) ** 2 + (by - ay) ** 2)));
    return Math.hypot(x - (ax + t * (bx - ax)), y - (ay + t * (by - ay)));
  };
  const check = Math.min(seg(0.37, 0.5, 0.47, 0.61), seg(0.47, 0.61, 0.65, 0.38)) < 0.045;
  if (inShield && check) return 'blue';
  if (inShield) return 'white';
  return 'blue';
}

export function iconPng(size) {
  const blue = [15, 108, 189];
  const rows = [];
  const ss = 4;
  for (let y = 0; y < size; y++) {
    const row = Buffer.alloc(1 + size * 4);
    for (let x = 0; x < size; x++) {
      let rr = 0,
        gg = 0,
        bb = 0,
        aa = 0;
      for (let j = 0; j < ss; j++)
        for (let i = 0; i < ss; i++) {
          const c = inside((x + (i + 0.5) / ss) / size, (y + (j + 0.5) / ss) / size);
          if (c === 'none') continue;
          const [r, g, b] = c === 'white' ? [255, 255, 255] : blue;
          rr += r;
          gg += g;
          bb += b;
          aa += 1;
        }
      const n = ss * ss;
      const o = 1 + x * 4;
      row[o] = aa ? Math.round(rr / aa) : 0;
      row[o + 1] = aa ? Math.round(gg / aa) : 0;
      row[o + 2] = aa ? Math.round(bb / aa) : 0;
      row[o + 3] = Math.round((aa / n) * 255);
    }
    rows.push(row);
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8;
  ihdr[9] = 6;
  return Buffer.concat([
    Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(Buffer.concat(rows))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

export function writeIcons(dir, sizes = [16, 32, 48, 64, 80, 96, 128]) {
  mkdirSync(dir, { recursive: true });
  for (const s of sizes) writeFileSync(join(dir, `icon-${s}.png`), iconPng(s));
}
