// engine/ is the simulated storage and must run inside a unit test: it may import nothing from
// Next, React, Prisma or socket.io (docs/architecture.md#layers). Fails listing every offending
// import.
import fs from 'node:fs';
import path from 'node:path';

const ENGINE_DIR = path.resolve(__dirname, '..', 'engine');
const FORBIDDEN = [/^next(\/|$)/, /^react(-dom)?(\/|$)/, /^@prisma\//, /^prisma(\/|$)/, /^socket\.io/, /(^|\/)lib\//, /(^|\/)app\//, /(^|\/)components\//];
const IMPORT =
  /(?:import|export)\s[^'"]*?from\s*['"]([^'"]+)['"]|import\s*\(\s*['"]([^'"]+)['"]\s*\)|require\(\s*['"]([^'"]+)['"]\s*\)|^\s*import\s*['"]([^'"]+)['"]/gm;

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

// engine/client.ts is what browsers load of the engine: nothing its values reach may need Node.
// Type-only imports are erased when bundled, so they are not followed.
const CLIENT_ENTRY = path.join(ENGINE_DIR, 'client.ts');
const NODE_BUILTIN = /^node:|^(assert|buffer|crypto|fs|path|os|stream|util|worker_threads|child_process|events|net|tls|zlib)(\/|$)/;
const VALUE_IMPORT = /^\s*(?:import|export)\s+(?!type\s)[^'";]*?from\s*['"]([^'"]+)['"]|^\s*import\s*['"]([^'"]+)['"]/gm;

function browserOffences(entry: string): { reached: number; offences: string[] } {
  const seen = new Set<string>();
  const found: string[] = [];
  const queue = [entry];
  while (queue.length > 0) {
    const file = queue.pop() as string;
    if (seen.has(file)) continue;
    seen.add(file);
    for (const match of fs.readFileSync(file, 'utf8').matchAll(VALUE_IMPORT)) {
      const specifier = match[1] ?? match[2] ?? '';
      if (specifier.startsWith('.')) queue.push(`${path.resolve(path.dirname(file), specifier)}.ts`);
      else if (NODE_BUILTIN.test(specifier)) found.push(`${path.relative(process.cwd(), file)}: imports "${specifier}"`);
    }
  }
  return { reached: seen.size, offences: found };
}

const browser = browserOffences(CLIENT_ENTRY);
if (browser.offences.length > 0) {
  console.error(`engine/client.ts reaches Node-only modules, which browsers lack:\n  ${browser.offences.join('\n  ')}`);
  process.exit(1);
}
console.log(`engine/client.ts: ${browser.reached} modules reached, none imports a Node built-in`);

// Route handlers parse, authorize and call a service: none may import the engine or reach the
// runtime's engine itself (docs/architecture.md#layers).
const API_DIR = path.resolve(__dirname, '..', 'app', 'api');
const ENGINE_SPECIFIER = /^@\/engine(\/|$)|(^|\/)engine(\/|$)/;
const ENGINE_CALL = /\.engine\b/;
const routeOffences: string[] = [];
const routeFiles = files(API_DIR);
for (const file of routeFiles) {
  const text = fs.readFileSync(file, 'utf8');
  for (const match of text.matchAll(IMPORT)) {
    const specifier = match[1] ?? match[2] ?? match[3] ?? match[4] ?? '';
    if (ENGINE_SPECIFIER.test(specifier)) routeOffences.push(`${path.relative(process.cwd(), file)}: imports "${specifier}"`);
  }
  text.split('\n').forEach((line, index) => {
    if (ENGINE_CALL.test(line)) routeOffences.push(`${path.relative(process.cwd(), file)}:${index + 1}: reaches the engine (${line.trim()})`);
  });
}
if (routeOffences.length > 0) {
  console.error(`app/api route handlers must call services, not the engine:\n  ${routeOffences.join('\n  ')}`);
  process.exit(1);
}
console.log(`app/api: ${routeFiles.length} route files checked, none imports or calls the engine`);
