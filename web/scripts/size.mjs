#!/usr/bin/env node
// The portal's first load: the JavaScript that index.html loads at once (its
// module script and modulepreload links), gzip-compressed at level 9 as a
// server or proxy would send it. Fails when over the budget (design: 300 KB).
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const BUDGET = 300 * 1024;
const dist = resolve(dirname(fileURLToPath(import.meta.url)), '..', 'dist');
const html = readFileSync(join(dist, 'index.html'), 'utf8');
const scripts = new Set();
for (const m of html.matchAll(/<script[^>]+src="([^"]+\.js)"/g)) scripts.add(m[1]);
for (const m of html.matchAll(/<link[^>]+rel="modulepreload"[^>]+href="([^"]+\.js)"/g)) scripts.add(m[1]);
let raw = 0;
let gz = 0;
for (const src of scripts) {
  const bytes = readFileSync(join(dist, src.replace(/^\//, '')));
  const zipped = gzipSync(bytes, { level: 9 }).length;
  raw += bytes.length;
  gz += zipped;
  console.log(`${src}: ${(bytes.length / 1024).toFixed(1)} KB, gzip ${(zipped / 1024).toFixed(1)} KB`);
}
console.log(`first load of /: ${scripts.size} script(s), ${(raw / 1024).toFixed(1)} KB, gzip ${(gz / 1024).toFixed(1)} KB (budget ${BUDGET / 1024} KB)`);
if (scripts.size === 0 || gz > BUDGET) process.exit(1);
