import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startWebhookReceiver } from "@/db/testing/webhook-receiver";
import { addressAllowed, checkWebhookUrl } from "@/lib/webhooks/address-policy";
import { postWebhook, retryAfterMs, WebhookPostError } from "@/lib/webhooks/post";

let receiver: Awaited<ReturnType<typeof startWebhookReceiver>>;
let internal: Awaited<ReturnType<typeof startWebhookReceiver>>;
beforeAll(async () => {
  receiver = await startWebhookReceiver();
  // An "internal service" a redirect points at: it must never be reached.
  internal = await startWebhookReceiver(0, () => ({ status: 200, body: "secret" }));
});
afterAll(async () => {
  await Promise.all([receiver.close(), internal.close()]);
});

const refusal = async (url: string, options: Partial<Parameters<typeof postWebhook>[3]> = {}) => {
  const error = await postWebhook(url, "{}", {}, { allowPrivate: false, timeoutMs: 2000, ...options }).then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(WebhookPostError);
  return (error as WebhookPostError).kind;
};

describe("webhook address policy (SSRF)", () => {
  it("refuses loopback, private, link-local, metadata, CGNAT and their IPv6 forms", () => {
    for (const address of [
      "127.0.0.1",
      "127.9.9.9",
      "10.0.0.1",
      "10.255.255.255",
      "172.16.0.1",
      "192.168.1.1",
      "169.254.169.254",
      "100.64.0.1",
      "0.0.0.0",
      "::1",
      "::",
      "fe80::1",
      "fd00::1",
      "fc00::1",
      "::ffff:127.0.0.1",
      "::ffff:7f00:1",
      "::ffff:169.254.169.254",
      "64:ff9b::a9fe:a9fe",
      "224.0.0.1",
    ]) {
      expect(addressAllowed(address, { allowLoopback: false }), address).toBe(false);
    }
    for (const address of ["93.184.216.34", "8.8.8.8", "2606:4700::1111"]) expect(addressAllowed(address, { allowLoopback: false }), address).toBe(true);
    // Development: loopback only, never the rest.
    expect(addressAllowed("127.0.0.1", { allowLoopback: true })).toBe(true);
    expect(addressAllowed("10.0.0.1", { allowLoopback: true })).toBe(false);
    expect(addressAllowed("169.254.169.254", { allowLoopback: true })).toBe(false);
  });

  it("only https URLs; http only to loopback when private webhooks are allowed", () => {
    expect(checkWebhookUrl("https://example.com/hook", { allowPrivate: false }).ok).toBe(true);
    expect(checkWebhookUrl("http://example.com/hook", { allowPrivate: false })).toEqual({ ok: false, reason: "https_required" });
    expect(checkWebhookUrl("http://127.0.0.1:5410/hook", { allowPrivate: false })).toEqual({ ok: false, reason: "https_required" });
    expect(checkWebhookUrl("http://127.0.0.1:5410/hook", { allowPrivate: true }).ok).toBe(true);
    expect(checkWebhookUrl("http://10.0.0.1/hook", { allowPrivate: true })).toEqual({ ok: false, reason: "https_required" });
    expect(checkWebhookUrl("https://u:p@example.com", { allowPrivate: false })).toEqual({ ok: false, reason: "credentials_in_url" });
  });

  it("refuses to connect to loopback, 10/8 and the metadata address", async () => {
    expect(await refusal("https://127.0.0.1/hook")).toBe("refused_address");
    expect(await refusal("https://[::1]/hook")).toBe("refused_address");
    expect(await refusal("https://10.1.2.3/hook")).toBe("refused_address");
    expect(await refusal("https://169.254.169.254/latest/meta-data/")).toBe("refused_address");
    expect(await refusal(receiver.url)).toBe("refused_url");
    expect(receiver.received).toHaveLength(0);
  });

  it("refuses a name that resolves to 127.0.0.1 (any of its addresses)", async () => {
    expect(await refusal("https://localhost/hook")).toBe("refused_address");
    const resolve = async () => [
      { address: "93.184.216.34", family: 4 },
      { address: "127.0.0.1", family: 4 },
    ];
    expect(await refusal("https://rebind.example/hook", { resolve })).toBe("refused_address");
  });

  it("connects to the address it checked, not to a second lookup (DNS rebinding)", async () => {
    let lookups = 0;
    const resolve = async () => {
      lookups++;
      return [{ address: "127.0.0.1", family: 4 }];
    };
    // (http to a name is allowed for localhost only; the resolver stands in for DNS.)
    const url = receiver.url.replace("127.0.0.1", "localhost");
    const answer = await postWebhook(url, "{}", {}, { allowPrivate: true, resolve, timeoutMs: 2000 });
    expect(answer.status).toBe(204);
    expect(lookups).toBe(1);
    expect(receiver.received.at(-1)!.headers.host).toContain("localhost");
  });

  it("does not follow a redirect", async () => {
    receiver.respondWith(() => ({ status: 302, headers: { location: internal.url } }));
    const answer = await postWebhook(receiver.url, "{}", {}, { allowPrivate: true, timeoutMs: 2000 });
    receiver.respondWith(() => ({ status: 204 }));
    expect(answer.status).toBe(302);
    expect(internal.received).toHaveLength(0);
  });

  it("times out, and reads at most 64 KB of an answer, keeping 1 KB", async () => {
    receiver.respondWith(() => ({ status: 200, body: "y".repeat(1_000_000) }));
    const big = await postWebhook(receiver.url, "{}", {}, { allowPrivate: true, timeoutMs: 2000 });
    expect(big.excerpt).toHaveLength(1024);
    receiver.respondWith(() => ({ status: 200, hang: true }));
    expect(await refusal(receiver.url, { allowPrivate: true, timeoutMs: 200 })).toBe("timeout");
    receiver.respondWith(() => ({ status: 204 }));
    expect(retryAfterMs("3")).toBe(3000);
    expect(retryAfterMs(new Date(Date.now() + 10_000).toUTCString())).toBeGreaterThan(8000);
    expect(retryAfterMs("soon")).toBe(0);
  });
});
