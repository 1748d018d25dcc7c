/**
 * The in-world network: a small table of hosts and what answers on them (an nginx at example.com, the
 * cluster's Kubernetes API), and the resolver and TCP connect every network command goes through. All
 * sockets are made through the process API, so AppArmor `network` rules decide; no real network is used.
 */
import type { Invocation } from '../../registry.ts';
import type { Errno } from '../../../node/process-api.ts';

/** One HTTP answer. */
export type HttpResponse = { status: number; reason: string; headers: readonly [string, string][]; body: string };

/** A host of the in-world network. */
export type Service = {
  names: readonly string[];
  address: string;
  /** port → the HTTP server there (`https` for TLS ports) */
  http: Readonly<Record<number, { scheme: 'http' | 'https'; respond(path: string): HttpResponse }>>;
};

/** nginx's default page (1.27, 615 bytes). */
export const NGINX_WELCOME = `<!DOCTYPE html>
<html>
<head>
<title>Welcome to nginx!</title>
<style>
html { color-scheme: light dark; }
body { width: 35em; margin: 0 auto;
font-family: Tahoma, Verdana, Arial, sans-serif; }
</style>
</head>
<body>
<h1>Welcome to nginx!</h1>
<p>If you see this page, the nginx web server is successfully installed and
working. Further configuration is required.</p>

<p>For online documentation and support please refer to
<a href="http://nginx.org/">nginx.org</a>.<br/>
Commercial support is available at
<a href="http://nginx.com/">nginx.com</a>.</p>

<p><em>Thank you for using nginx.</em></p>
</body>
</html>
`;

const NOT_FOUND = `<html>
<head><title>404 Not Found</title></head>
<body>
<center><h1>404 Not Found</h1></center>
<hr><center>nginx/1.27.3</center>
</body>
</html>
`;

function nginx(path: string): HttpResponse {
  const isIndex = path === '/' || path === '/index.html';
  const body = isIndex ? NGINX_WELCOME : NOT_FOUND;
  return {
    status: isIndex ? 200 : 404, reason: isIndex ? 'OK' : 'Not Found', body,
    headers: [['Server', 'nginx/1.27.3'], ['Content-Type', 'text/html'], ['Content-Length', String(body.length)], ['Connection', 'keep-alive']],
  };
}

function apiServer(path: string): HttpResponse {
  const body = `{\n  "kind": "Status",\n  "apiVersion": "v1",\n  "metadata": {},\n  "status": "Failure",\n  "message": "forbidden: User \\"system:anonymous\\" cannot get path \\"${path}\\"",\n  "reason": "Forbidden",\n  "details": {},\n  "code": 403\n}`;
  return {
    status: 403, reason: 'Forbidden', body,
    headers: [['Audit-Id', '6f1c0d2e-1d6b-4f0e-9a57-3c1f1b7a9d11'], ['Cache-Control', 'no-cache, private'], ['Content-Type', 'application/json'], ['X-Content-Type-Options', 'nosniff'], ['Content-Length', String(body.length)]],
  };
}

/** The hosts every world has. */
export const SERVICES: readonly Service[] = [
  { names: ['example.com', 'www.example.com', 'nginx.default.svc.cluster.local'], address: '10.0.0.10', http: { 80: { scheme: 'http', respond: nginx } } },
  {
    names: ['kubernetes', 'kubernetes.default', 'kubernetes.default.svc', 'kubernetes.default.svc.cluster.local'], address: '10.96.0.1',
    http: { 443: { scheme: 'https', respond: apiServer } },
  },
  { names: ['controlplane'], address: '10.0.0.1', http: { 6443: { scheme: 'https', respond: apiServer } } },
  { names: ['localhost'], address: '127.0.0.1', http: {} },
];

/**
 * @param address - an IPv4 address
 * @returns the service there, if any (the node's own addresses answer pings but serve nothing)
 * @example serviceAt('10.0.0.10')?.names[0] // → 'example.com'
 */
export function serviceAt(address: string): Service | undefined {
  return SERVICES.find((s) => s.address === address);
}

/**
 * Whether an address answers ICMP echo: the table's hosts, the node and loopback.
 * @param address - an IPv4 address
 * @returns true when pings to it are answered
 * @example isReachable('10.9.9.9') // → false
 */
export function isReachable(address: string): boolean {
  return serviceAt(address) !== undefined || /^127\./.test(address) || address === '10.0.0.2';
}

/** What resolving a name gives. */
export type Resolved = { ok: true; address: string } | { ok: false; reason: 'unknown' | 'no-dns' };

/**
 * getaddrinfo as glibc does it: an IPv4 literal as is, then `/etc/hosts` (a file read AppArmor mediates),
 * then DNS, which needs a UDP socket (`network inet dgram`).
 * @param inv - the invocation (its process makes the reads and sockets)
 * @param host - a name or address
 * @returns the address, or why there is none
 */
export function resolveHost(inv: Invocation, host: string): Resolved {
  if (/^\d{1,3}(\.\d{1,3}){3}$/.test(host)) return { ok: true, address: host };
  const hosts = inv.proc.readFile('/etc/hosts');
  if (hosts.ok) {
    for (const line of hosts.value.split('\n')) {
      const [address, ...names] = line.replace(/#.*/, '').trim().split(/\s+/);
      if (address !== undefined && names.includes(host)) return { ok: true, address };
    }
  }
  const fd = inv.proc.socket('inet', 'dgram', 'udp');
  if (!fd.ok) return { ok: false, reason: 'no-dns' };
  inv.proc.connect(fd.value);
  inv.proc.close(fd.value);
  const found = SERVICES.find((s) => s.names.includes(host) || s.names.includes(host.replace(/\.$/, '')));
  return found ? { ok: true, address: found.address } : { ok: false, reason: 'unknown' };
}

/** How a TCP connect ends. */
export type Connected = { ok: true } | { ok: false; errno: Errno } | { ok: false; errno: 'ECONNREFUSED' | 'ETIMEDOUT' };

/**
 * socket(AF_INET, SOCK_STREAM) + connect(): AppArmor asks `create`, then `connect`.
 * @param inv - the invocation
 * @param address - the peer
 * @param port - the port
 * @returns ok, the errno of a refused socket, or the network's answer
 */
export function tcpConnect(inv: Invocation, address: string, port: number): Connected {
  const fd = inv.proc.socket('inet', 'stream', 'tcp');
  if (!fd.ok) return { ok: false, errno: fd.errno };
  const connected = inv.proc.connect(fd.value);
  inv.proc.close(fd.value);
  if (!connected.ok) return { ok: false, errno: connected.errno };
  const service = serviceAt(address);
  if (service?.http[port] !== undefined) return { ok: true };
  return { ok: false, errno: isReachable(address) ? 'ECONNREFUSED' : 'ETIMEDOUT' };
}

/** A parsed URL. */
export type Url = { scheme: 'http' | 'https'; host: string; port: number; path: string; text: string };

/**
 * @param text - a URL, with or without `http://`
 * @returns its parts, or undefined for an unsupported scheme
 * @example parseUrl('example.com') // → { scheme: 'http', host: 'example.com', port: 80, path: '/', text: 'http://example.com/' }
 */
export function parseUrl(text: string): Url | undefined {
  const m = /^(?:([a-zA-Z][a-zA-Z0-9+.-]*):\/\/)?([^/:?#]*)(?::(\d+))?([^#]*)/.exec(text);
  if (!m) return undefined;
  const scheme = (m[1] ?? 'http').toLowerCase();
  if (scheme !== 'http' && scheme !== 'https') return undefined;
  const host = m[2] ?? '';
  const port = m[3] === undefined ? (scheme === 'https' ? 443 : 80) : Number(m[3]);
  const path = m[4] === undefined || m[4] === '' ? '/' : m[4].startsWith('/') ? m[4] : `/${m[4]}`;
  const shownPort = m[3] === undefined ? '' : `:${m[3]}`;
  return { scheme, host, port, path, text: `${scheme}://${host}${shownPort}${path}` };
}
