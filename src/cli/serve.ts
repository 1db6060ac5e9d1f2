// The portal's HTTP server (what `npm start` and the end-to-end tests run): Next's request handler
// behind a plain Node server that owns the socket, so that the client's address is known.
//
// Why not `next start`: it keeps an `X-Forwarded-For` header sent by the client as it is, and route
// handlers, the proxy and next-auth see only headers — one machine could pose as any number of
// addresses and walk past the per-address sign-in and /verify limits. Here, before Next sees the
// request, the forwarding headers are rewritten from the socket:
// - from a peer listed in TRUSTED_PROXIES: X-Forwarded-For keeps what the proxy wrote and gets the
//   peer appended; X-Forwarded-Host / X-Real-IP / X-Forwarded-Proto are kept;
// - from anyone else: X-Forwarded-For becomes the peer's address alone, and the other forwarding
//   headers are dropped.
// src/server/client-address.ts then walks X-Forwarded-For from the right past trusted proxies.
import http from 'node:http';
import next from 'next';
import { ROOT } from './db/schema-engine.ts';
import { parseTrustedProxies, rewriteForwardingHeaders, type TrustedProxies } from '../server/client-address.ts';

const port = Number(process.env.PORT ?? 3000);
const hostname = process.env.HOST || undefined;
const trusted: TrustedProxies = parseTrustedProxies(process.env.TRUSTED_PROXIES);

const app = next({ dev: false, dir: ROOT, port, hostname });
const handle = app.getRequestHandler();
await app.prepare();

const server = http.createServer((req, res) => {
  rewriteForwardingHeaders(req.headers, req.socket.remoteAddress, trusted);
  void handle(req, res);
});
// Idle connections stay open 70 s (Node's default is 5 s): a request sent on a kept-alive socket just
// as the server closes it fails with ECONNRESET behind a load balancer or in a browser.
server.keepAliveTimeout = 70_000;
server.headersTimeout = 75_000;

const stop = () => {
  server.close(() => process.exit(0));
  // In-flight requests get 10 s to finish.
  setTimeout(() => process.exit(0), 10_000).unref();
};
process.on('SIGTERM', stop);
process.on('SIGINT', stop);

server.listen(port, hostname, () => {
  console.log(
    `[serve] Ready on http://${hostname ?? 'localhost'}:${port}${trusted.isEmpty ? ' (no trusted proxies: client addresses come from the socket)' : ''}`,
  );
});
