import http from "node:http";
import { actionReply } from "../helpers/flight";

/**
 * A small keep-alive HTTP/1.1 client on node:http: lighter than fetch, which matters when the
 * load generator shares the machine's cores with the server it measures.
 */
export interface HttpResponse {
  status: number;
  headers: http.IncomingHttpHeaders;
  text: string;
}

export class HttpClient {
  readonly agent: http.Agent;
  readonly origin: string;
  private readonly host: string;
  private readonly port: number;

  constructor(baseURL: string, maxSockets = 64) {
    const url = new URL(baseURL);
    if (url.hostname !== "127.0.0.1" && url.hostname !== "localhost") throw new Error(`loopback only, got ${url.hostname}`);
    this.origin = url.origin;
    this.host = url.hostname;
    this.port = Number(url.port);
    this.agent = new http.Agent({ keepAlive: true, maxSockets, maxFreeSockets: maxSockets });
  }

  request(method: string, path: string, headers: Record<string, string> = {}, body?: string, timeoutMs = 30_000): Promise<HttpResponse> {
    return new Promise((resolve, reject) => {
      const payload = body === undefined ? undefined : Buffer.from(body);
      const req = http.request(
        {
          host: this.host,
          port: this.port,
          method,
          path,
          agent: this.agent,
          headers: { ...headers, ...(payload ? { "Content-Length": String(payload.length) } : {}) },
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on("data", (c: Buffer) => chunks.push(c));
          res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, text: Buffer.concat(chunks).toString("utf8") }));
          res.on("error", reject);
        },
      );
      req.setTimeout(timeoutMs, () => req.destroy(new Error(`timeout after ${timeoutMs} ms: ${method} ${path}`)));
      req.on("error", reject);
      if (payload) req.write(payload);
      req.end();
    });
  }

  /** Posts a server action the way React's client does for plain JSON arguments. */
  action(pagePath: string, actionId: string, args: unknown[], cookie: string): Promise<HttpResponse> {
    return this.request(
      "POST",
      pagePath,
      {
        "Next-Action": actionId,
        "Content-Type": "text/plain;charset=UTF-8",
        Accept: "text/x-component",
        Origin: this.origin,
        Cookie: cookie,
      },
      JSON.stringify(args),
    );
  }

  close(): void {
    this.agent.destroy();
  }
}

/**
 * The value an action returned, from React's flight response (tests/helpers/flight.ts): Dates and
 * the other flight markers revived, so the sync action's day pack can be run as the browser does.
 */
export function actionResult<T>(text: string): T {
  return actionReply<T>(text);
}
