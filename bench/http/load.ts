// The two measurements per target: autocannon's throughput at a number of connections, and a
// sequential keep-alive client's median latency in microseconds (autocannon's is whole ms).
import http from "node:http";
import autocannon from "autocannon";
import { elapsedUs, median } from "../stats.js";

export interface Call {
  url: string;
  headers: Record<string, string>;
  body: string;
}

export interface Throughput {
  perSecond: number;
  total: number;
  non2xx: number;
  errors: number;
}

/**
 * @example
 * const { perSecond } = await throughput(call, 64, 4);
 */
export async function throughput(call: Call, connections: number, seconds: number): Promise<Throughput> {
  const result = await autocannon({ url: call.url, method: "POST", headers: call.headers, body: call.body, connections, duration: seconds, pipelining: 1 });
  return { perSecond: result.requests.average, total: result.requests.total, non2xx: result.non2xx, errors: result.errors + result.timeouts };
}

/**
 * @example
 * const us = await sequentialMedianUs(call, 2000); // one connection, one request at a time
 */
export async function sequentialMedianUs(call: Call, count: number): Promise<number> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  const headers = { ...call.headers, "content-length": String(Buffer.byteLength(call.body)) };
  const times: number[] = [];
  try {
    for (let i = 0; i < count; i++) {
      const start = process.hrtime.bigint();
      const status = await new Promise<number>((resolve, reject) => {
        const req = http.request(call.url, { method: "POST", agent, headers }, (res) => {
          res.resume();
          res.on("end", () => resolve(res.statusCode ?? 0));
        });
        req.on("error", reject);
        req.end(call.body);
      });
      if (status !== 200) throw new Error(`${call.url} answered ${status}`);
      times.push(elapsedUs(start));
    }
  } finally {
    agent.destroy();
  }
  // The first fifth warms the JIT and the connection.
  return median(times.slice(Math.floor(count / 5)));
}
