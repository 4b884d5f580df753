import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CLIENT_ADDRESS_HEADER, clientAddressOf, clientIp, trustClientAddresses } from "@/lib/http/client-ip";

describe("clientAddressOf", () => {
  const socketAddress = "198.51.100.7";
  it("with no trusted proxy, is the socket's address whatever X-Forwarded-For says", () => {
    expect(clientAddressOf({ forwardedFor: "1.2.3.4", socketAddress, trustedHops: 0 })).toBe(socketAddress);
    expect(clientAddressOf({ forwardedFor: undefined, socketAddress: "::ffff:127.0.0.1", trustedHops: 0 })).toBe("127.0.0.1");
  });

  it("behind N proxies, takes exactly N entries from the right", () => {
    // client → proxy A (appends the client) → proxy B (appends A) → Baton (socket: B)
    const forwardedFor = "6.6.6.6, 203.0.113.9, 10.0.0.2";
    expect(clientAddressOf({ forwardedFor, socketAddress, trustedHops: 1 })).toBe("10.0.0.2");
    expect(clientAddressOf({ forwardedFor, socketAddress, trustedHops: 2 })).toBe("203.0.113.9");
    // A client-forged first entry is reached only by trusting more hops than exist.
    expect(clientAddressOf({ forwardedFor: "203.0.113.9", socketAddress, trustedHops: 5 })).toBe("203.0.113.9");
  });
});

describe("the socket hook on a real HTTP server", () => {
  let server: http.Server;
  let url: string;
  beforeAll(async () => {
    trustClientAddresses(0);
    server = http.createServer((request, response) => response.end(clientIp(request.headers as Record<string, string>)));
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it("ignores X-Forwarded-For and a forged address header from the client", async () => {
    for (const forged of ["1.2.3.4", "5.6.7.8, 9.9.9.9"]) {
      const response = await fetch(url, { headers: { "x-forwarded-for": forged, [CLIENT_ADDRESS_HEADER]: "7.7.7.7" } });
      expect(await response.text()).toBe("127.0.0.1");
    }
  });
});
