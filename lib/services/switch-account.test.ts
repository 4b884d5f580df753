import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@/db/client";
import { memberships } from "@/db/schema/accounts";
import { listMemberships } from "@/db/queries/accounts/memberships";
import { createAccountWithMembers, openTestDatabase } from "@/db/testing/test-database";
import { switchAccount } from "@/lib/services/switch-account";

let handle: DatabaseHandle;
beforeAll(async () => {
  handle = await openTestDatabase();
});
afterAll(() => handle.close());

describe("switchAccount", () => {
  it("switches only into accounts the user belongs to", async () => {
    const home = await createAccountWithMembers(handle, ["admin"]);
    const other = await createAccountWithMembers(handle, ["admin"]);
    const user = home.members[0]!;
    expect(await switchAccount(handle.db, { userId: user.id, request: { accountId: other.account.id } })).toBeNull();

    await handle.db.insert(memberships).values({ accountId: other.account.id, userId: user.id, role: "agent" });
    expect(await switchAccount(handle.db, { userId: user.id, request: { accountId: other.account.id } })).toEqual({
      accountId: other.account.id,
      accountName: other.account.name,
      role: "agent",
    });
  });

  it("ignores malformed requests", async () => {
    const { members } = await createAccountWithMembers(handle);
    for (const request of [undefined, null, "x", { accountId: "not-a-uuid" }, { accountId: 7 }, {}]) {
      expect(await switchAccount(handle.db, { userId: members[0]!.id, request })).toBeNull();
    }
  });

  it("lists a user's memberships and no one else's", async () => {
    const a = await createAccountWithMembers(handle, ["admin", "agent"]);
    const b = await createAccountWithMembers(handle, ["admin"]);
    const list = await listMemberships(handle.db, { userId: a.members[1]!.id });
    expect(list).toEqual([{ accountId: a.account.id, accountName: a.account.name, role: "agent" }]);
    expect(list.some((m) => m.accountId === b.account.id)).toBe(false);
  });
});
