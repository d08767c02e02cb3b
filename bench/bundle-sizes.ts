/**
 * Size of every built file in .output/chrome-mv3, raw and gzip. Builds first when
 * the folder is missing. Prints figures; asserts nothing.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const outDir = path.join(root, '.output/chrome-mv3');
if (!existsSync(outDir)) {
  console.log('.output/chrome-mv3 missing: running `npx wxt build`…');
  execFileSync('npx', ['wxt', 'build'], { cwd: root, stdio: 'inherit' });
}

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((entry) => {
    const full = path.join(dir, entry);
    return statSync(full).isDirectory() ? walk(full) : [full];
  });
}

const rows = walk(outDir)
  .filter((file) => /\.(js|html|css|json)$/.test(file))
  .map((file) => {
    const bytes = readFileSync(file);
    return { file: path.relative(outDir, file), raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length };
  })
  .sort((a, b) => b.raw - a.raw);

const kb = (n: number) => `${(n / 1024).toFixed(1)} KiB`;
console.log(`\nBuilt files in .output/chrome-mv3 (built ${statSync(outDir).mtime.toISOString()}):`);
for (const row of rows) console.log(`  ${row.file.padEnd(48)} ${kb(row.raw).padStart(10)} raw ${kb(row.gzip).padStart(10)} gzip`);
const total = rows.reduce((sum, row) => ({ raw: sum.raw + row.raw, gzip: sum.gzip + row.gzip }), { raw: 0, gzip: 0 });
console.log(`  ${'total'.padEnd(48)} ${kb(total.raw).padStart(10)} raw ${kb(total.gzip).padStart(10)} gzip`);
