// Draws the app icon (the favicon's three bars on a navy tile, renderer/public/favicon.svg) at every
// size the installers use and writes build/icon.png (512 px), build/icons/NxN.png (Linux) and
// build/icon.ico (Windows). Pure TypeScript plus node:zlib, so the output is the same on every
// machine. Run `tsx build/make-icons.ts` after changing the design and commit the files.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { crc32, deflateSync } from 'node:zlib';

interface Shape {
  /** In the favicon's 32 × 32 view box. */
  x: number;
  y: number;
  width: number;
  height: number;
  radius: number;
  rgb: readonly [number, number, number];
}

const NAVY = [0x1d, 0x33, 0x50] as const;
const BLUE = [0x6e, 0xa8, 0xff] as const;
const WHITE = [0xff, 0xff, 0xff] as const;

/** favicon.svg, shape by shape, painted in order. */
export const SHAPES: readonly Shape[] = [
  { x: 0, y: 0, width: 32, height: 32, radius: 6, rgb: NAVY },
  { x: 7, y: 17, width: 4, height: 8, radius: 1, rgb: BLUE },
  { x: 14, y: 12, width: 4, height: 13, radius: 1, rgb: WHITE },
  { x: 21, y: 7, width: 4, height: 18, radius: 1, rgb: BLUE },
];

export const LINUX_SIZES = [16, 32, 48, 64, 128, 256, 512] as const;
export const ICO_SIZES = [16, 24, 32, 48, 64, 128, 256] as const;

function inside(shape: Shape, x: number, y: number): boolean {
  const { radius: r } = shape;
  if (x < shape.x || y < shape.y || x > shape.x + shape.width || y > shape.y + shape.height) {
    return false;
  }
  // Distance from the nearest corner's centre, when the point is in a corner square.
  const cx = Math.min(Math.max(x, shape.x + r), shape.x + shape.width - r);
  const cy = Math.min(Math.max(y, shape.y + r), shape.y + shape.height - r);
  return (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
}

/** RGBA pixels, straight alpha; each pixel averages 8 × 8 samples so edges are smooth. */
export function drawIcon(size: number): Uint8Array {
  const samples = 8;
  // A 1/32 margin, as desktop icon themes leave around a tile.
  const margin = size / 32;
  const scale = (size - 2 * margin) / 32;
  const pixels = new Uint8Array(size * size * 4);
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let r = 0;
      let g = 0;
      let b = 0;
      let covered = 0;
      for (let sy = 0; sy < samples; sy++) {
        for (let sx = 0; sx < samples; sx++) {
          const x = (px + (sx + 0.5) / samples - margin) / scale;
          const y = (py + (sy + 0.5) / samples - margin) / scale;
          let top: Shape | undefined;
          for (const shape of SHAPES) if (inside(shape, x, y)) top = shape;
          if (top === undefined) continue;
          r += top.rgb[0];
          g += top.rgb[1];
          b += top.rgb[2];
          covered++;
        }
      }
      const at = (py * size + px) * 4;
      if (covered === 0) continue;
      pixels[at] = Math.round(r / covered);
      pixels[at + 1] = Math.round(g / covered);
      pixels[at + 2] = Math.round(b / covered);
      pixels[at + 3] = Math.round((255 * covered) / (samples * samples));
    }
  }
  return pixels;
}

function chunk(type: string, data: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'latin1');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([head, data, crc]);
}

/** An 8-bit RGBA, non-interlaced PNG. */
export function encodePng(size: number, rgba: Uint8Array): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header[8] = 8; // bit depth
  header[9] = 6; // RGBA
  const rows = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) {
    // Filter type 0 (none) per row, then the row's bytes.
    Buffer.from(rgba.buffer, rgba.byteOffset + y * size * 4, size * 4).copy(
      rows,
      y * (size * 4 + 1) + 1,
    );
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(rows, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** A 32-bit BMP image for an ICO entry: BGRA rows bottom-up, then an all-zero AND mask. */
function icoBitmap(size: number, rgba: Uint8Array): Buffer {
  const info = Buffer.alloc(40);
  info.writeUInt32LE(40, 0);
  info.writeInt32LE(size, 4);
  info.writeInt32LE(size * 2, 8); // colour rows + mask rows
  info.writeUInt16LE(1, 12);
  info.writeUInt16LE(32, 14);
  const colours = Buffer.alloc(size * size * 4);
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const from = (y * size + x) * 4;
      const to = ((size - 1 - y) * size + x) * 4;
      colours[to] = rgba[from + 2] ?? 0;
      colours[to + 1] = rgba[from + 1] ?? 0;
      colours[to + 2] = rgba[from] ?? 0;
      colours[to + 3] = rgba[from + 3] ?? 0;
    }
  }
  const maskRow = Math.ceil(size / 32) * 4;
  return Buffer.concat([info, colours, Buffer.alloc(maskRow * size)]);
}

/** An ICO with BMP entries below 256 px (what every Windows tool reads) and a PNG one at 256. */
export function encodeIco(images: readonly { size: number; rgba: Uint8Array }[]): Buffer {
  const header = Buffer.alloc(6);
  header.writeUInt16LE(1, 2); // type: icon
  header.writeUInt16LE(images.length, 4);
  const bodies = images.map(({ size, rgba }) =>
    size >= 256 ? encodePng(size, rgba) : icoBitmap(size, rgba),
  );
  const directory = Buffer.alloc(16 * images.length);
  let offset = header.length + directory.length;
  images.forEach(({ size }, i) => {
    const entry = i * 16;
    const body = bodies[i] ?? Buffer.alloc(0);
    directory[entry] = size >= 256 ? 0 : size; // 0 means 256
    directory[entry + 1] = size >= 256 ? 0 : size;
    directory.writeUInt16LE(1, entry + 4); // colour planes
    directory.writeUInt16LE(32, entry + 6); // bits per pixel
    directory.writeUInt32LE(body.length, entry + 8);
    directory.writeUInt32LE(offset, entry + 12);
    offset += body.length;
  });
  return Buffer.concat([header, directory, ...bodies]);
}

function main(): void {
  const buildDir = import.meta.dirname;
  const drawn = new Map<number, Uint8Array>();
  const draw = (size: number): Uint8Array => {
    const known = drawn.get(size);
    if (known !== undefined) return known;
    const rgba = drawIcon(size);
    drawn.set(size, rgba);
    return rgba;
  };
  mkdirSync(path.join(buildDir, 'icons'), { recursive: true });
  for (const size of LINUX_SIZES) {
    writeFileSync(path.join(buildDir, 'icons', `${size}x${size}.png`), encodePng(size, draw(size)));
  }
  writeFileSync(path.join(buildDir, 'icon.png'), encodePng(512, draw(512)));
  const ico = encodeIco(ICO_SIZES.map((size) => ({ size, rgba: draw(size) })));
  writeFileSync(path.join(buildDir, 'icon.ico'), ico);
  console.log(
    `wrote build/icon.png, build/icons/{${LINUX_SIZES.join(',')}}.png, build/icon.ico (${ico.length} bytes)`,
  );
}

if (process.argv[1] !== undefined && path.resolve(process.argv[1]) === import.meta.filename) main();
