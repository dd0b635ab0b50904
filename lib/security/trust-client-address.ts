import http from "node:http";
import { clientAddress, trustedProxyCount } from "./client-address";

const INSTALLED = Symbol.for("kubecards.clientAddress");

/**
 * Next sets X-Forwarded-For to the socket's address only when the request has none, so whatever a
 * client sends would pass as its address. Before Next sees a request, replace the header with the
 * one address worth trusting (see clientAddress); everything downstream (the sign-in and sign-up
 * limits through app/_auth/client-ip) reads that single entry.
 */
export function trustClientAddressFromSocket(): void {
  const proto = http.Server.prototype as http.Server & { [INSTALLED]?: boolean };
  if (proto[INSTALLED]) return;
  proto[INSTALLED] = true;
  const trusted = trustedProxyCount();
  const emit = proto.emit;
  proto.emit = function (this: http.Server, event: string | symbol, ...args: unknown[]) {
    if (event === "request") {
      const req = args[0] as http.IncomingMessage;
      const xff = req.headers["x-forwarded-for"];
      req.headers["x-forwarded-for"] = clientAddress(Array.isArray(xff) ? xff.join(",") : xff, req.socket?.remoteAddress, trusted);
      delete req.headers["x-real-ip"];
    }
    return Reflect.apply(emit, this, [event, ...args]) as boolean;
  } as typeof proto.emit;
}
