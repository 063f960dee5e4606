// engine/ is the simulated storage and must run inside a unit test: it may import nothing from
// Next, React, Prisma or socket.io (DESIGN.md). Fails listing every offending import.
import fs from 'node:fs';
import path from 'node:path';

const ENGINE_DIR = path.resolve(__dirname, '..', 'engine');
const FORBIDDEN = [/^next(\/|$)/, /^react(-dom)?(\/|$)/, /^@prisma\//, /^prisma(\/|$)/, /^socket\.io/, /(^|\/)lib\//, /(^|\/)app\//, /(^|\/)components\//];
const IMPORT = /(?:import|export)\s[^'"]*?from\s*['"]([^'"]+)['"]|import\s*\(\s*['"]([^'"]+)['"]\s*\)|require\(\s*['"]([^'"]+)['"]\s*\)|^\s*import\s*['"]([^'"]+)['"]/gm;

function files(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return files(full);
    return /\.(ts|tsx|js|mjs)$/.test(entry.name) ? [full] : [];
  });
}

const offences: string[] = [];
for (const file of files(ENGINE_DIR)) {
  const text = fs.readFileSync(file, 'utf8');
  for (const match of text.matchAll(IMPORT)) {
    const specifier = match[1] ?? match[2] ?? match[3] ?? match[4] ?? '';
    const resolved = specifier.startsWith('.') ? path.relative(ENGINE_DIR, path.resolve(path.dirname(file), specifier)) : specifier;
    const escapes = specifier.startsWith('.') && resolved.startsWith('..');
    if (escapes || FORBIDDEN.some((pattern) => pattern.test(specifier))) {
      offences.push(`${path.relative(process.cwd(), file)}: imports "${specifier}"`);
    }
  }
}
if (offences.length > 0) {
  console.error(`engine/ must not import frameworks or code outside engine/:\n  ${offences.join('\n  ')}`);
  process.exit(1);
}
console.log(`engine imports: ${files(ENGINE_DIR).length} files checked, none imports Next, React, Prisma, socket.io or code outside engine/`);
