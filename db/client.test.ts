import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { sql } from "drizzle-orm";
import { afterEach, describe, expect, it } from "vitest";
import { openPglite } from "@/db/client";

const dirs: string[] = [];
function tempDir() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "baton-pglite-"));
  dirs.push(dir);
  return path.join(dir, "pglite");
}
afterEach(() => {
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

describe("embedded PGlite", () => {
  it("persists data in its folder and migrates idempotently", async () => {
    const dir = tempDir();
    const first = await openPglite(dir);
    await first.migrate();
    await first.db.execute(sql`insert into accounts (slug, name) values ('kept', 'Kept Store')`);
    await first.close();

    const second = await openPglite(dir);
    await second.migrate();
    const rows = await second.db.execute(sql`select name from accounts where slug = 'kept'`);
    expect((rows as unknown as { rows: unknown[] }).rows).toEqual([{ name: "Kept Store" }]);
    await second.close();
    expect(fs.existsSync(`${dir}.lock`)).toBe(false);
  }, 90_000); // two embedded databases started from scratch in a folder: initdb twice

  it("refuses a folder that another live process holds, with a clear message", async () => {
    const dir = tempDir();
    const holder = spawn(process.execPath, ["-e", "setTimeout(() => {}, 30000)"]);
    try {
      fs.mkdirSync(dir, { recursive: true });
      fs.writeFileSync(`${dir}.lock`, String(holder.pid));
      await expect(openPglite(dir)).rejects.toThrow(/already open in process \d+\. PGlite allows one process at a time/);
    } finally {
      holder.kill();
    }
  });

  it("takes over the lock of a process that has exited", async () => {
    const dir = tempDir();
    const gone = spawn(process.execPath, ["-e", ""]);
    await new Promise((resolve) => gone.on("exit", resolve));
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(`${dir}.lock`, String(gone.pid));
    const handle = await openPglite(dir);
    await handle.close();
  });

  it("is not opened by importing the module", async () => {
    const dataDir = path.join(os.tmpdir(), `baton-never-${Date.now()}`);
    process.env.BATON_DATA_DIR = dataDir;
    await import("@/db/client");
    expect(fs.existsSync(dataDir)).toBe(false);
  });
});
