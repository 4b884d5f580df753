import "server-only";
import type { z } from "zod";
import type { Role } from "@/db/schema/accounts";
import { requireMember, type Member } from "@/lib/auth/require-member";
import type { ActionResult } from "@/lib/actions/action-result";
import { isAppError } from "@/lib/errors";
import { logFailure } from "@/lib/log-failure";
import { nulFieldErrors } from "@/lib/validation/safe-input";

export type { ActionResult };

/**
 * Checks the caller (and role), parses the input with the action's schema, runs the use case and
 * maps expected failures to a result. Unexpected errors are logged and answered generically, so
 * no internal detail (or submitted secret) reaches the browser.
 */
export async function runAction<S extends z.ZodType, T>(
  options: { role?: Role; schema: S; input: unknown; name: string },
  run: (member: Member, input: z.infer<S>) => Promise<T>,
): Promise<ActionResult<T>> {
  const at = Date.now();
  try {
    const member = await requireMember({ role: options.role, throws: true });
    // Text with a NUL character cannot be stored: refused in any field, named, before the schema.
    const nul = nulFieldErrors(options.input);
    if (nul) return { ok: false, error: { code: "validation_failed", message: "validation_failed" }, fieldErrors: nul, at };
    const parsed = options.schema.safeParse(options.input);
    if (!parsed.success) {
      const fieldErrors: Record<string, string[]> = {};
      for (const issue of parsed.error.issues) {
        const key = issue.path.join(".") || "form";
        (fieldErrors[key] ??= []).push(issue.message);
      }
      return { ok: false, error: { code: "validation_failed", message: "validation_failed" }, fieldErrors, at };
    }
    return { ok: true, data: await run(member, parsed.data), at };
  } catch (error) {
    if (isAppError(error)) {
      return { ok: false, error: { code: error.code, message: error.message }, fieldErrors: error.fields, at };
    }
    logFailure(`action ${options.name}`, error);
    return { ok: false, error: { code: "internal", message: "internal" }, at };
  }
}
