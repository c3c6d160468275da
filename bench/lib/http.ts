/**
 * The benchmark's HTTP client: node:http over one keep-alive connection, as load tools such as
 * wrk or autocannon do, so that the figures are the server's and not the client's (undici's
 * `fetch` spent 0,3–0,6 ms more per request on this machine). One retry on a dropped keep-alive
 * connection (the server closes idle sockets after a while, e.g. during the minutes of the naive
 * Turf scan); callers time the whole call, so a retried request is timed once, retry included.
 */
import http from 'node:http';

export interface BenchResponse {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
}

const agent = new http.Agent({ keepAlive: true, maxSockets: 4 });

export interface RequestInit {
  method?: string;
  headers?: Record<string, string>;
  body?: string;
  timeoutMs?: number;
}

function once(url: string, init: RequestInit): Promise<BenchResponse> {
  return new Promise((resolve, reject) => {
    const req = http.request(url, { agent, method: init.method ?? 'GET', headers: init.headers, timeout: init.timeoutMs ?? 120_000 }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
      res.on('error', reject);
    });
    req.on('timeout', () => req.destroy(new Error(`no answer from ${url} in ${init.timeoutMs ?? 120_000} ms`)));
    req.on('error', reject);
    req.end(init.body);
  });
}

export async function request(url: string, init: RequestInit = {}): Promise<BenchResponse> {
  try {
    return await once(url, init);
  } catch (err) {
    const code = (err as { code?: string }).code;
    if (code !== 'ECONNRESET' && code !== 'EPIPE') throw err;
    return once(url, init);
  }
}
