import { pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { accounts } from "./accounts";

/**
 * Verified shoppers: the secret a merchant's server signs its signed-in shopper with (HS256
 * JWT), sealed with BATON_ENCRYPTION_KEY (Baton needs it back to verify), shown once when
 * issued. `unverifiedHandoff`: what a shopper without a valid token gets when the agent cannot
 * answer: the usual email step ("email"), or, when verification is required, the custom message.
 */
export const shopperIdentity = pgTable("shopper_identity", {
  accountId: uuid("account_id")
    .primaryKey()
    .references(() => accounts.id, { onDelete: "cascade" }),
  secretSealed: text("secret_sealed"),
  secretKeyId: text("secret_key_id"),
  /** The secret's first characters, so the Widget tab can say which one is in use. */
  secretHint: text("secret_hint"),
  unverifiedHandoff: text("unverified_handoff", { enum: ["email", "message"] })
    .notNull()
    .default("email"),
  rotatedAt: timestamp("rotated_at", { withTimezone: true }),
});
