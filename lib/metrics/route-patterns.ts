// Which route a request path belongs to, as a pattern (/api/copies/:id), for the `route` label of
// the HTTP metrics: a raw path would make one time series per copy id, and Prometheus keeps every
// series it ever saw. The patterns are the App Router's own: each page.tsx and route.ts under app/,
// read once at start, the files under public/, and the few paths server.ts answers before Next.
// Anything else is "other".
import fs from 'node:fs';
import path from 'node:path';

export const OTHER_ROUTE = 'other';

/** Paths server.ts (not a file under app/) answers, or serves in bulk (Next's assets). */
export const SERVER_PATTERNS: readonly string[] = ['/metrics', '/devmgr/:path*', '/_next/:path*', '/socket.io/:path*'];

/** One segment of a pattern: a literal, `:name` (one segment), or `:name*` (any number, zero included). */
type Segment = { kind: 'literal'; text: string } | { kind: 'param' } | { kind: 'rest' };

interface Node {
  literals: Map<string, Node>;
  param: Node | null;
  /** The pattern a catch-all here ends (it takes the rest of the path, however long). */
  rest: string | null;
  /** The pattern that ends exactly at this node. */
  pattern: string | null;
}

const newNode = (): Node => ({ literals: new Map(), param: null, rest: null, pattern: null });

/**
 * The pattern of an App Router file (relative to app/, `/`-separated), or null when the file is
 * not a page or route handler. Route groups `(x)`, parallel slots `@x` drop out of the URL;
 * `[id]` is `:id`, `[...path]` and `[[...path]]` are `:path*`; private folders `_x` are not routes.
 */
export function patternOfAppFile(file: string): string | null {
  const parts = file.split('/');
  const name = parts.pop() ?? '';
  if (!/^(page|route)\.(tsx?|jsx?|mdx?)$/.test(name)) return null;
  const segments: string[] = [];
  for (const part of parts) {
    if (part.startsWith('_')) return null;
    if ((part.startsWith('(') && part.endsWith(')')) || part.startsWith('@')) continue;
    const dynamic = /^\[{1,2}(\.\.\.)?([^\]]+)\]{1,2}$/.exec(part);
    segments.push(dynamic === null ? part : `:${dynamic[2]}${dynamic[1] === undefined ? '' : '*'}`);
  }
  return `/${segments.join('/')}`;
}

/** The files under `dir`, relative to it with `/` separators; none when it does not exist. */
export function listFiles(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  const entries = fs.readdirSync(dir, { recursive: true, withFileTypes: true });
  return entries.filter((entry) => entry.isFile()).map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'));
}

function parse(pattern: string): Segment[] {
  return pattern
    .split('/')
    .filter((part) => part !== '')
    .map((part): Segment => {
      if (!part.startsWith(':')) return { kind: 'literal', text: part };
      return part.endsWith('*') ? { kind: 'rest' } : { kind: 'param' };
    });
}

/**
 * Matches paths to patterns as Next does: a literal segment wins over a dynamic one, and a
 * dynamic one over a catch-all, whatever order the patterns came in.
 */
export class RoutePatterns {
  private readonly root = newNode();
  readonly patterns: readonly string[];

  constructor(patterns: Iterable<string>) {
    const unique = [...new Set(patterns)].sort();
    for (const pattern of unique) this.add(pattern);
    this.patterns = unique;
  }

  private add(pattern: string): void {
    let node = this.root;
    for (const segment of parse(pattern)) {
      if (segment.kind === 'rest') {
        node.rest = pattern;
        return;
      }
      if (segment.kind === 'param') {
        node.param ??= newNode();
        node = node.param;
        continue;
      }
      let next = node.literals.get(segment.text);
      if (next === undefined) {
        next = newNode();
        node.literals.set(segment.text, next);
      }
      node = next;
    }
    node.pattern = pattern;
  }

  /** The pattern of a request target (its query is ignored), or OTHER_ROUTE. */
  match(target: string): string {
    const queryAt = target.search(/[?#]/);
    const pathname = queryAt < 0 ? target : target.slice(0, queryAt);
    const segments = pathname.split('/').filter((part) => part !== '');
    return this.matchFrom(this.root, segments, 0) ?? OTHER_ROUTE;
  }

  private matchFrom(node: Node, segments: readonly string[], index: number): string | null {
    if (index === segments.length) return node.pattern ?? node.rest;
    const segment = segments[index] as string;
    const literal = node.literals.get(segment);
    const viaLiteral = literal === undefined ? null : this.matchFrom(literal, segments, index + 1);
    if (viaLiteral !== null) return viaLiteral;
    const viaParam = node.param === null ? null : this.matchFrom(node.param, segments, index + 1);
    return viaParam ?? node.rest;
  }
}

/** The console's routes: every page and route handler under app/, every file under public/, and SERVER_PATTERNS. */
export function consoleRoutePatterns(projectDir: string): RoutePatterns {
  const fromApp = listFiles(path.join(projectDir, 'app')).flatMap((file) => patternOfAppFile(file) ?? []);
  const fromPublic = listFiles(path.join(projectDir, 'public')).map((file) => `/${file}`);
  return new RoutePatterns([...fromApp, ...fromPublic, ...SERVER_PATTERNS]);
}
