import { describe, expect, it, vi } from "vitest";
import type { DatabaseHandle } from "@/db/client";
import { createAccountWithMembers } from "@/db/testing/test-database";
import { sessionFor, withGateTestDatabase } from "@/db/testing/session";
import { agentSwitchHistory, isAgentEnabled } from "@/lib/services/agent-switch";

// The real action and gate; only next-auth's session lookup is stood in for (see availability.test.ts).
const session = vi.hoisted(() => ({ current: null as null | { user: { id: string; email: string; name: string }; accountId?: string; sid: string } }));
vi.mock("next-auth", async (original) => ({ ...(await original<typeof import("next-auth")>()), getServerSession: async () => session.current }));
vi.mock("next/cache", () => ({ revalidatePath: () => undefined }));
const { setAgentEnabledAction } = await import("@/lib/actions/agent-switch");

let handle: DatabaseHandle;
withGateTestDatabase((opened) => (handle = opened));

const as = async (user: { id: string; email: string; name: string }, accountId?: string) => {
  session.current = await sessionFor(handle, user, accountId);
};
const form = (enabled: string) => {
  const f = new FormData();
  f.append("enabled", enabled);
  return f;
};

describe("setAgentEnabledAction", () => {
  it("an admin turns the agent off and on; leads and agents are refused and nothing changes", async () => {
    const { account, members } = await createAccountWithMembers(handle, ["admin", "lead", "agent"]);
    const [admin, lead, agent] = members;
    for (const refused of [lead!, agent!]) {
      await as(refused);
      expect(await setAgentEnabledAction(null, form("off"))).toMatchObject({ ok: false, error: { code: "forbidden" } });
    }
    expect(await isAgentEnabled(handle.db, account.id)).toBe(true);

    await as(admin!);
    expect(await setAgentEnabledAction(null, form("off"))).toMatchObject({ ok: true, data: { enabled: false } });
    expect(await isAgentEnabled(handle.db, account.id)).toBe(false);
    expect(await setAgentEnabledAction(null, form("on"))).toMatchObject({ ok: true, data: { enabled: true } });
    expect((await agentSwitchHistory(handle.db, account.id)).map((c) => c.enabled)).toEqual([true, false]);
  });

  it("refuses anything but on or off", async () => {
    const { members } = await createAccountWithMembers(handle, ["admin"]);
    await as(members[0]!);
    expect(await setAgentEnabledAction(null, form("maybe"))).toMatchObject({ ok: false, fieldErrors: { enabled: ["state_required"] } });
    expect(await setAgentEnabledAction(null, new FormData())).toMatchObject({ ok: false, error: { code: "validation_failed" } });
  });

  it("another account's admin cannot toggle this account, even naming it in the session", async () => {
    const mine = await createAccountWithMembers(handle, ["admin"]);
    const other = await createAccountWithMembers(handle, ["admin"]);
    await as(other.members[0]!, mine.account.id);
    const result = await setAgentEnabledAction(null, form("off"));
    // The gate ignores an account the user is not a member of: the change is their own account's.
    expect(result).toMatchObject({ ok: true, data: { enabled: false } });
    expect(await isAgentEnabled(handle.db, other.account.id)).toBe(false);
    expect(await isAgentEnabled(handle.db, mine.account.id)).toBe(true);
    expect(await agentSwitchHistory(handle.db, mine.account.id)).toEqual([]);
  });
});
