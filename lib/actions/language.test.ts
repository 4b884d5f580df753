import { eq } from "drizzle-orm";
import { describe, expect, it, vi } from "vitest";
import type { DatabaseHandle } from "@/db/client";
import { accounts, users } from "@/db/schema/accounts";
import { createAccountWithMembers } from "@/db/testing/test-database";
import { sessionFor, withGateTestDatabase } from "@/db/testing/session";
import { pickLocale } from "@/lib/i18n/locales";

// The real action and the real gate; only the session cookie is stood in for (as in
// availability.test.ts): next-auth's getServerSession returns `session.current`.
const session = vi.hoisted(() => ({ current: null as null | { user: { id: string; email: string; name: string }; accountId?: string; sid: string } }));
vi.mock("next-auth", async (original) => ({ ...(await original<typeof import("next-auth")>()), getServerSession: async () => session.current }));
const { setLanguageAction } = await import("@/lib/actions/language");
const { getMember } = await import("@/lib/auth/require-member");

let handle: DatabaseHandle;
withGateTestDatabase((opened) => (handle = opened));

const localeOf = async (userId: string) => (await handle.db.select({ locale: users.locale }).from(users).where(eq(users.id, userId)))[0]?.locale;

describe("the user's dashboard language", () => {
  it("any member saves their own language, and the next request renders in it without a new session", async () => {
    const { account, members } = await createAccountWithMembers(handle, ["agent"]);
    const agent = members[0]!;
    await handle.db.update(accounts).set({ timeZone: "America/Sao_Paulo" }).where(eq(accounts.id, account.id));
    session.current = await sessionFor(handle, agent, account.id);

    expect(await getMember()).toMatchObject({ locale: null, timeZone: "America/Sao_Paulo" });
    expect(await setLanguageAction("pt-BR")).toMatchObject({ ok: true, data: { locale: "pt-BR" } });
    expect(await localeOf(agent.id)).toBe("pt-BR");
    // The same session cookie: the page reads the saved choice, which beats the browser's.
    const member = await getMember();
    expect(member).toMatchObject({ locale: "pt-BR" });
    expect(pickLocale({ userLocale: member?.locale, acceptLanguage: "en-US,en;q=0.9" })).toBe("pt-BR");

    // "Browser language" clears the choice.
    expect(await setLanguageAction(null)).toMatchObject({ ok: true, data: { locale: null } });
    expect(await localeOf(agent.id)).toBeNull();
  });

  it("refuses a language Baton does not offer, and an anonymous caller", async () => {
    const { account, members } = await createAccountWithMembers(handle, ["admin"]);
    const admin = members[0]!;
    session.current = await sessionFor(handle, admin, account.id);
    expect(await setLanguageAction("fr" as never)).toMatchObject({
      ok: false,
      error: { code: "validation_failed" },
      fieldErrors: { locale: ["locale_invalid"] },
    });
    expect(await localeOf(admin.id)).toBeNull();

    session.current = null;
    expect(await setLanguageAction("pt-BR")).toMatchObject({ ok: false, error: { code: "unauthenticated" } });
    expect(await localeOf(admin.id)).toBeNull();
  });
});
