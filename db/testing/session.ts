import { afterAll, beforeAll } from "vitest";
import { useDatabaseForTests, type DatabaseHandle } from "@/db/client";
import { createSession } from "@/db/queries/sessions";
import { openTestDatabase } from "@/db/testing/test-database";
import { resetEnvForTests } from "@/lib/env";

/**
 * What next-auth's getServerSession returns for a signed-in user, with a real server-side
 * session row, so requireMember's checks (session live, membership) run as in production.
 */
export async function sessionFor(handle: DatabaseHandle, user: { id: string; email: string; name: string }, accountId?: string) {
  const sid = await createSession(handle.db, { userId: user.id, expiresAt: new Date(Date.now() + 3_600_000) });
  return { user: { id: user.id, email: user.email, name: user.name }, accountId, sid };
}

/**
 * For test files behind the real gate: a fresh database that the app's code uses and a
 * NEXTAUTH_SECRET, both undone after the file. `onOpen` receives the handle once it is open.
 */
export function withGateTestDatabase(onOpen: (handle: DatabaseHandle) => void): void {
  let handle: DatabaseHandle;
  const saved = { ...process.env };
  beforeAll(async () => {
    handle = await openTestDatabase();
    useDatabaseForTests(handle);
    process.env.NEXTAUTH_SECRET = "x".repeat(40);
    resetEnvForTests();
    onOpen(handle);
  });
  afterAll(async () => {
    process.env = { ...saved };
    resetEnvForTests();
    await handle.close();
  });
}
