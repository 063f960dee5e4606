import { io as connectSocket } from 'socket.io-client';
import { apiClient } from '../tests/support/api';
import { adminToken, bearer } from '../tests/support/auth';
import { startServer } from '../tests/support/server';
(async () => {
  const server = await startServer();
  try {
    const token = await adminToken(server.baseUrl, server.dataDir);
    const api = apiClient(() => server.baseUrl, () => bearer(token));
    const socket = connectSocket(server.baseUrl, { auth: { token }, transports: ['websocket'] });
    await new Promise<void>((r) => socket.once('connect', () => r()));
    socket.emit('subscribe', { rooms: ['fleet'] });
    const ack = await new Promise((r) => socket.emit('watch', { copyIds: ['x'] }, r));
    console.log('ack', ack);
    await new Promise((r) => setTimeout(r, 500));
    const m = await fetch(`${server.baseUrl}/metrics`, { headers: bearer(token) }).then((r) => r.text());
    console.log(m.split('\n').filter((l) => l.startsWith('grainline_socket')).join('\n'));
    socket.close();
    void api;
  } finally { await server.stop(); }
})();
