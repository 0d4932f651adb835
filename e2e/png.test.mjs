// The PNG decoder the export tests rely on (no browser): a file written here with every row
// filter PNG defines decodes to the pixels it was made from, and a wrong size or a missing
// colour fails the export check.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { crc32, deflateSync } from 'node:zlib';
import { assertPlotPng, countNear, decodePng } from './png.mjs';

function chunk(type, body) {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(body.length, 0);
  head.write(type, 4, 'latin1');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), body])) >>> 0, 0);
  return Buffer.concat([head, body, crc]);
}

/** An RGBA PNG whose row y uses filter y mod 5. */
function encode(width, height, rgba) {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8;
  ihdr[9] = 6;
  const stride = width * 4;
  const rows = [];
  for (let y = 0; y < height; y++) {
    const filter = y % 5;
    const cur = rgba.subarray(y * stride, (y + 1) * stride);
    const prev = y > 0 ? rgba.subarray((y - 1) * stride, y * stride) : new Uint8Array(stride);
    const line = Buffer.alloc(stride + 1);
    line[0] = filter;
    for (let i = 0; i < stride; i++) {
      const a = i >= 4 ? cur[i - 4] : 0;
      const b = prev[i];
      const c = i >= 4 ? prev[i - 4] : 0;
      const p = a + b - c;
      const paeth = Math.abs(p - a) <= Math.abs(p - b) && Math.abs(p - a) <= Math.abs(p - c) ? a : Math.abs(p - b) <= Math.abs(p - c) ? b : c;
      const predictor = [0, a, b, (a + b) >> 1, paeth][filter];
      line[i + 1] = (cur[i] - predictor) & 0xff;
    }
    rows.push(line);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr), chunk('IDAT', deflateSync(Buffer.concat(rows))), chunk('IEND', Buffer.alloc(0)),
  ]);
}

describe('the PNG decoder', () => {
  const width = 7;
  const height = 11;
  const rgba = new Uint8Array(width * height * 4);
  for (let i = 0; i < rgba.length; i++) rgba[i] = (i * 37 + (i >> 3) * 11) & 0xff;
  for (let i = 3; i < rgba.length; i += 4) rgba[i] = 255;
  // One block of a series colour.
  for (const i of [0, 1, 2, 8, 9]) rgba.set([224, 130, 20, 255], i * 4);
  const file = encode(width, height, rgba);

  it('decodes every row filter back to the pixels it was made from', () => {
    const png = decodePng(file);
    assert.equal(png.width, width);
    assert.equal(png.height, height);
    assert.deepEqual([...png.rgba], [...rgba]);
    assert.ok(countNear(png, [224, 130, 20], 0) >= 5);
  });

  it('fails an export of the wrong size or without a series colour', () => {
    assert.doesNotThrow(() => assertPlotPng(file, { width, height }, { rnn: [224, 130, 20] }, 5));
    assert.throws(() => assertPlotPng(file, { width: width + 1, height }, { rnn: [224, 130, 20] }, 5), /PNG width/);
    assert.throws(() => assertPlotPng(file, { width, height: height - 1 }, { rnn: [224, 130, 20] }, 5), /PNG height/);
    assert.throws(() => assertPlotPng(file, { width, height }, { purple: [84, 39, 136] }, 5), /purple colour/);
    assert.throws(() => assertPlotPng(file, { width, height }, {}, 5), /at least one colour/);
  });
});
