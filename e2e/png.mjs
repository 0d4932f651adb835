// Decodes the PNG files the page exports (8-bit RGB or RGBA, not interlaced: what a canvas's
// toDataURL writes) with node's zlib, so a test can look at the pixels, not only at the magic bytes.
import { inflateSync } from 'node:zlib';
import assert from 'node:assert/strict';

const SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

/** { width, height, rgba } with rgba a Uint8Array of width × height × 4 bytes. */
export function decodePng(bytes) {
  assert.deepEqual([...bytes.subarray(0, 8)], SIGNATURE, 'the PNG signature');
  let at = 8;
  let header;
  const data = [];
  while (at < bytes.length) {
    const length = bytes.readUInt32BE(at);
    const type = bytes.toString('latin1', at + 4, at + 8);
    const body = bytes.subarray(at + 8, at + 8 + length);
    if (type === 'IHDR') {
      header = {
        width: body.readUInt32BE(0),
        height: body.readUInt32BE(4),
        depth: body[8],
        colour: body[9],
        interlace: body[12],
      };
    } else if (type === 'IDAT') data.push(body);
    else if (type === 'IEND') break;
    at += 12 + length;
  }
  assert.ok(header, 'an IHDR chunk');
  const { width, height, depth, colour, interlace } = header;
  assert.equal(depth, 8, '8 bits per channel');
  assert.equal(interlace, 0, 'not interlaced');
  const channels = { 2: 3, 6: 4 }[colour];
  assert.ok(channels, `colour type ${colour} (RGB or RGBA expected)`);
  const raw = inflateSync(Buffer.concat(data));
  const stride = width * channels;
  assert.equal(raw.length, height * (stride + 1), 'one filter byte and one row of pixels per line');
  const out = new Uint8Array(width * height * 4);
  let prev = new Uint8Array(stride);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)];
    const line = raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1));
    const cur = new Uint8Array(stride);
    for (let i = 0; i < stride; i++) {
      const a = i >= channels ? cur[i - channels] : 0;
      const b = prev[i];
      const c = i >= channels ? prev[i - channels] : 0;
      let predictor;
      switch (filter) {
        case 0: predictor = 0; break;
        case 1: predictor = a; break;
        case 2: predictor = b; break;
        case 3: predictor = (a + b) >> 1; break;
        case 4: {
          const p = a + b - c;
          const [pa, pb, pc] = [Math.abs(p - a), Math.abs(p - b), Math.abs(p - c)];
          predictor = pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
          break;
        }
        default: assert.fail(`filter type ${filter} on row ${y}`);
      }
      cur[i] = (line[i] + predictor) & 0xff;
    }
    for (let x = 0; x < width; x++) {
      for (let k = 0; k < 4; k++) out[(y * width + x) * 4 + k] = k < channels ? cur[x * channels + k] : 255;
    }
    prev = cur;
  }
  return { width, height, rgba: out };
}

/** How many opaque pixels lie within `tolerance` of `[r, g, b]` in every channel. */
export function countNear({ rgba }, [r, g, b], tolerance = 6) {
  let n = 0;
  for (let i = 0; i < rgba.length; i += 4) {
    if (rgba[i + 3] > 250 && Math.abs(rgba[i] - r) <= tolerance && Math.abs(rgba[i + 1] - g) <= tolerance && Math.abs(rgba[i + 2] - b) <= tolerance) n++;
  }
  return n;
}

/**
 * Pixels a curve's colour must cover in an exported line plot. A legend sample is a 22 × 2.5 px
 * stroke (about 66 pixels at ×1; at most two per colour in one figure), so 300 can only be met by
 * the curve itself. The exports measured 539 to 5,012 pixels per colour.
 */
export const PNG_MIN = 300;

/**
 * The checks every exported PNG must pass: it is the size of the plot canvas's backing store at
 * the moment of export, and each series colour appears on at least `min` pixels.
 */
export function assertPlotPng(bytes, { width, height }, colours, min = 20) {
  const png = decodePng(bytes);
  assert.equal(png.width, width, 'PNG width = canvas.width');
  assert.equal(png.height, height, 'PNG height = canvas.height');
  assert.ok(Object.keys(colours).length > 0, 'at least one colour to look for');
  for (const [name, rgb] of Object.entries(colours)) {
    const n = countNear(png, rgb);
    // PNG_LOG=1 prints the counts, to set a minimum from measured exports.
    if (process.env.PNG_LOG) console.log(`# ${width}×${height} ${name}: ${n} pixels`);
    assert.ok(n >= min, `the ${name} colour rgb(${rgb}) on ${n} pixels (at least ${min} expected)`);
  }
  return png;
}
