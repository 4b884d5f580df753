import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@/db/client";
import { appFailure } from "@/db/testing/failures";
import { helpdeskConnections } from "@/db/schema/helpdesk-connections";
import { listHandoffChanges } from "@/db/queries/handoff-settings";
import { createAccountWithMembers, openTestDatabase } from "@/db/testing/test-database";
import { getHandoffState, saveHandoffSettings } from "@/lib/services/handoff-settings";

let handle: DatabaseHandle;
beforeAll(async () => {
  handle = await openTestDatabase();
});
afterAll(() => handle.close());

const links = [
  { label: "Help centre", url: "https://help.demo.test" },
  { label: "Contact us", url: "https://demo.test/contact" },
];

describe("handoff settings", () => {
  it("defaults to Baton Inbox until the account saves", async () => {
    const { account } = await createAccountWithMembers(handle);
    const state = await getHandoffState(handle.db, account.id);
    expect(state).toMatchObject({
      settings: { method: "helpdesk", destination: "baton_inbox", message: "", links: [], translations: {} },
      version: 0,
      connected: { baton_inbox: true, zendesk: false, gorgias: false },
    });
  });

  it("saves a custom message, records who changed what, and keeps it when switching back", async () => {
    const { account, members } = await createAccountWithMembers(handle);
    const userId = members[0]!.id;
    const saved = await saveHandoffSettings(handle.db, {
      accountId: account.id,
      userId,
      input: { method: "message", message: "Sorry! Try these:", links, version: 0 },
    });
    expect(saved).toMatchObject({ version: 1, settings: { method: "message", destination: "baton_inbox", message: "Sorry! Try these:", links } });

    const back = await saveHandoffSettings(handle.db, {
      accountId: account.id,
      userId,
      input: { method: "helpdesk", destination: "baton_inbox", version: 1 },
    });
    expect(back).toMatchObject({ version: 2, settings: { method: "helpdesk", message: "Sorry! Try these:", links } });

    const history = await listHandoffChanges(handle.db, { accountId: account.id, limit: 10 });
    expect(history.map((h) => [h.before.method, h.after.method, h.userEmail])).toEqual([
      ["message", "helpdesk", members[0]!.email],
      ["helpdesk", "message", members[0]!.email],
    ]);
  });

  it("refuses a save based on a replaced version, and records nothing for it", async () => {
    const { account, members } = await createAccountWithMembers(handle);
    const userId = members[0]!.id;
    await saveHandoffSettings(handle.db, { accountId: account.id, userId, input: { method: "message", message: "First", links: [], version: 0 } });
    const stale = await appFailure(
      saveHandoffSettings(handle.db, { accountId: account.id, userId, input: { method: "message", message: "Second", links: [], version: 0 } }),
    );
    expect(stale).toMatchObject({ code: "conflict", message: "stale_version" });
    expect((await getHandoffState(handle.db, account.id)).settings.message).toBe("First");
    expect(await listHandoffChanges(handle.db, { accountId: account.id, limit: 10 })).toHaveLength(1);
  });

  it("lets exactly one of two simultaneous saves of the same version win", async () => {
    const { account, members } = await createAccountWithMembers(handle, ["admin", "admin"]);
    const results = await Promise.allSettled(
      members.map((m, i) =>
        saveHandoffSettings(handle.db, { accountId: account.id, userId: m.id, input: { method: "message", message: `Admin ${i}`, links: [], version: 0 } }),
      ),
    );
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(results.filter((r) => r.status === "rejected")).toHaveLength(1);
    expect((await getHandoffState(handle.db, account.id)).version).toBe(1);
  });

  it("needs Zendesk or Gorgias connected before it can be the destination", async () => {
    const { account, members } = await createAccountWithMembers(handle);
    const userId = members[0]!.id;
    expect(
      await appFailure(saveHandoffSettings(handle.db, { accountId: account.id, userId, input: { method: "helpdesk", destination: "zendesk", version: 0 } })),
    ).toMatchObject({ code: "validation_failed", fields: { destination: ["integration_required"] } });

    await handle.db.insert(helpdeskConnections).values({
      accountId: account.id,
      provider: "zendesk",
      authType: "oauth",
      site: "acme",
      credentialsCiphertext: "x",
      credentialsKeyId: "k",
      verifiedAt: new Date(),
    });
    const saved = await saveHandoffSettings(handle.db, { accountId: account.id, userId, input: { method: "helpdesk", destination: "zendesk", version: 0 } });
    expect(saved).toMatchObject({ version: 1, settings: { destination: "zendesk" }, connected: { zendesk: true, gorgias: false } });
  });

  it("does not record a change when nothing changed", async () => {
    const { account, members } = await createAccountWithMembers(handle);
    const state = await saveHandoffSettings(handle.db, {
      accountId: account.id,
      userId: members[0]!.id,
      input: { method: "helpdesk", destination: "baton_inbox", version: 0 },
    });
    expect(state.version).toBe(0);
    expect(await listHandoffChanges(handle.db, { accountId: account.id, limit: 10 })).toHaveLength(0);
  });

  it("keeps each account's settings and history to itself", async () => {
    const a = await createAccountWithMembers(handle);
    const b = await createAccountWithMembers(handle);
    await saveHandoffSettings(handle.db, {
      accountId: a.account.id,
      userId: a.members[0]!.id,
      input: { method: "message", message: "A only", links, version: 0 },
    });
    expect((await getHandoffState(handle.db, b.account.id)).settings.method).toBe("helpdesk");
    expect(await listHandoffChanges(handle.db, { accountId: b.account.id, limit: 10 })).toHaveLength(0);
  });
});
