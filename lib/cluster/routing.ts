// Which requests a backup node forwards to the primary: the API and SANtricity's /devmgr, which
// need the engine or change the inventory. Pages, static files and socket.io are served by every
// node; /api/health and /api/cluster describe the node they reach, so they stay local.
const LOCAL_API = new Set(['/api/health', '/api/cluster']);

export function needsPrimary(url: string): boolean {
  const pathname = url.split('?')[0] ?? '/';
  if (pathname === '/devmgr' || pathname.startsWith('/devmgr/')) return true;
  if (!pathname.startsWith('/api/') && pathname !== '/api') return false;
  return !LOCAL_API.has(pathname.replace(/\/+$/, ''));
}
