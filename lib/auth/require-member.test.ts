import { describe, expect, it, vi } from "vitest";
import type { DatabaseHandle } from "@/db/client";
import { revokeSession } from "@/db/queries/sessions";
import { sessionFor, withGateTestDatabase } from "@/db/testing/session";
import { createAccountWithMembers } from "@/db/testing/test-database";

// The real gate on a real database; only next-auth's cookie reading is stood in for.
const session = vi.hoisted(() => ({ current: null as unknown }));
vi.mock("next-auth", async (original) => ({ ...(await original<typeof import("next-auth")>()), getServerSession: async () => session.current }));
vi.mock("next/cache", () => ({ revalidatePath: () => undefined }));
const { requireMember } = await import("@/lib/auth/require-member");
const { signOutEverywhereAction } = await import("@/lib/actions/session");

let handle: DatabaseHandle;
withGateTestDatabase((opened) => (handle = opened));

const unauthenticated = { code: "unauthenticated" };

describe("server-side sessions", () => {
  it("a signed-out session stops working although its cookie is still valid", async () => {
    const { members } = await createAccountWithMembers(handle, ["agent"]);
    const cookie = await sessionFor(handle, members[0]!);
    session.current = cookie;
    expect(await requireMember({ throws: true })).toMatchObject({ userId: members[0]!.id });
    await revokeSession(handle.db, { id: cookie.sid });
    await expect(requireMember({ throws: true })).rejects.toMatchObject(unauthenticated);
  });

  it("a cookie without a server-side session is refused", async () => {
    const { members } = await createAccountWithMembers(handle, ["admin"]);
    const { sid: _sid, ...withoutSid } = await sessionFor(handle, members[0]!);
    session.current = withoutSid;
    await expect(requireMember({ throws: true })).rejects.toMatchObject(unauthenticated);
  });

  it("sign out everywhere ends every session of the user and no one else's", async () => {
    const { members } = await createAccountWithMembers(handle, ["admin", "agent"]);
    const [laptop, phone, colleague] = [await sessionFor(handle, members[0]!), await sessionFor(handle, members[0]!), await sessionFor(handle, members[1]!)];
    session.current = laptop;
    expect(await signOutEverywhereAction()).toMatchObject({ ok: true, data: { revoked: 2 } });
    for (const cookie of [laptop, phone]) {
      session.current = cookie;
      await expect(requireMember({ throws: true })).rejects.toMatchObject(unauthenticated);
    }
    session.current = colleague;
    expect(await requireMember({ throws: true })).toMatchObject({ userId: members[1]!.id });
  });
});
