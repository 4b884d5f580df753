import { randomUUID } from "node:crypto";
import fs from "node:fs";
import { inject } from "vitest";
import { openPglite, openPostgres, type DatabaseHandle } from "@/db/client";
import { accounts, memberships, users, type Role } from "@/db/schema/accounts";
import { hashPassword } from "@/lib/auth/password";

/**
 * A migrated database for one test file: a fresh in-memory PGlite (a copy of the migrated one
 * global setup made), or the run's PostgreSQL database when TEST_DATABASE_URL is set (shared by
 * files, so tests create their own rows).
 */
export async function openTestDatabase(): Promise<DatabaseHandle> {
  const url = inject("databaseUrl");
  if (url) return openPostgres(url, { max: 4 });
  const snapshot = inject("pgliteSnapshot");
  if (snapshot) return openPglite(undefined, { loadDataDir: new Blob([fs.readFileSync(snapshot)]) });
  const handle = await openPglite();
  await handle.migrate();
  return handle;
}

/** An account of its own with one user per role given, so tests never collide. */
export async function createAccountWithMembers(handle: DatabaseHandle, roles: Role[] = ["admin"], password = "correct horse battery") {
  const suffix = randomUUID().slice(0, 8);
  const [account] = await handle.db
    .insert(accounts)
    .values({ slug: `test-${suffix}`, name: `Test Store ${suffix}` })
    .returning();
  if (!account) throw new Error("account not created");
  const passwordHash = await hashPassword(password);
  const members = [];
  for (const [index, role] of roles.entries()) {
    const [user] = await handle.db
      .insert(users)
      .values({ email: `${role}${index}-${suffix}@example.test`, name: `${role} ${index} ${suffix}`, passwordHash })
      .returning();
    if (!user) throw new Error("user not created");
    await handle.db.insert(memberships).values({ accountId: account.id, userId: user.id, role });
    members.push({ ...user, role });
  }
  return { account, members, password };
}
