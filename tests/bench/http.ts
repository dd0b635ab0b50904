import http from "node:http";

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
 * The value an action returned, from React's flight response: row 0 names the row holding the
 * result ("a":"$@1"), and that row is one JSON line. Good enough for the plain JSON our actions
 * return (no large text chunks in the fields the benchmark reads).
 */
export function actionResult<T>(text: string): T {
  const rows = new Map<string, string>();
  for (const line of text.split("\n")) {
    const colon = line.indexOf(":");
    if (colon > 0 && /^[0-9a-f]+$/.test(line.slice(0, colon))) rows.set(line.slice(0, colon), line.slice(colon + 1));
  }
  const head = rows.get("0");
  if (!head) throw new Error(`not a flight response: ${text.slice(0, 200)}`);
  const ref = (JSON.parse(head) as { a?: string }).a;
  const id = typeof ref === "string" && ref.startsWith("$@") ? ref.slice(2) : null;
  const row = id && rows.get(id);
  if (!row) throw new Error(`no action result row in: ${text.slice(0, 200)}`);
  return JSON.parse(row) as T;
}
