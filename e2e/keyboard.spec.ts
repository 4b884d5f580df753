// Keyboard only, at a desktop's size and at a phone's (390×844), each in a Keys Store of its own:
// connect Zendesk with an API token in its dialog (against the simulator), choose it on the Handoff
// tab and save; an agent claims, replies and closes in the inbox. After every save and every
// dialog, focus is somewhere a keyboard user can carry on from, never on <body>; on the phone no
// step's page scrolls sideways.
import { expect, test, type Locator, type Page } from "@playwright/test";
import { signIn } from "./support/auth";
import { readFixtures } from "./support/fixture-ids";
import { pageOverflow, phone } from "./support/screens";

/** Presses Tab until the element has focus, as a keyboard user would reach it. */
async function tabTo(page: Page, target: Locator, limit = 60) {
  for (let i = 0; i < limit; i++) {
    if (await target.evaluate((el) => el === document.activeElement).catch(() => false)) return;
    await page.keyboard.press("Tab");
  }
  throw new Error("never reached by Tab");
}

/** What has focus, for the failure message; "body" is the case that must never happen. */
const focused = (page: Page) =>
  page.evaluate(() => {
    const el = document.activeElement;
    return !el || el === document.body ? "body" : `${el.tagName.toLowerCase()}: ${el.getAttribute("aria-label") ?? el.textContent?.trim().slice(0, 40) ?? ""}`;
  });

const devices = { desktop: { width: 1280, height: 900 }, phone } as const;

for (const device of ["desktop", "phone"] as const) {
  test.describe(`on a ${device}`, () => {
    test.use({ viewport: devices[device] });
    /** On the phone, the page itself never scrolls sideways. */
    const fits = async (page: Page, what: string) => {
      if (device === "phone") expect(await pageOverflow(page), what).toEqual({ excess: 0, culprits: [] });
    };

    test("keyboard only: connect Zendesk with an API token, then choose it on the Handoff tab and save", async ({ page }) => {
      test.setTimeout(90_000);
      await signIn(page, `keys-admin-${device}@e2e.test`);
      await page.goto("/integrations");
      const zendesk = page.getByRole("region", { name: "Zendesk" });
      const connect = zendesk.getByRole("button", { name: "Connect Zendesk" });
      await tabTo(page, connect);
      await page.keyboard.press("Enter");
      const dialog = page.getByRole("dialog", { name: "Connect Zendesk" });
      await expect(dialog.getByText("Step 1 of 2")).toBeVisible();
      expect(await focused(page)).not.toBe("body");
      await fits(page, "connect dialog");
      // The method is a radio group: arrows move from "Sign in with Zendesk" to the API token.
      await tabTo(page, dialog.getByLabel(/Sign in with Zendesk/));
      await page.keyboard.press("ArrowDown");
      await expect(dialog.getByLabel(/API token/)).toBeChecked();
      await tabTo(page, dialog.getByRole("button", { name: "Continue" }));
      await page.keyboard.press("Enter");
      const subdomain = dialog.getByLabel("Zendesk subdomain");
      await tabTo(page, subdomain);
      await page.keyboard.type("demo-store");
      await page.keyboard.press("Tab");
      await expect(dialog.getByRole("textbox", { name: /email/i })).toBeFocused();
      await page.keyboard.type("agent@demo-store.test");
      await tabTo(page, dialog.getByLabel("API token", { exact: true }));
      // A wrong token first: the error is announced and tied to the form; focus stays in the dialog.
      await page.keyboard.type("not-the-token");
      await page.keyboard.press("Enter");
      await expect(dialog.getByRole("alert")).toHaveText("Zendesk refused these credentials. Check them and try again.");
      expect(await focused(page)).not.toBe("body");
      await dialog.getByLabel("API token", { exact: true }).focus();
      await page.keyboard.press("ControlOrMeta+a");
      await page.keyboard.type("demo-zendesk-token");
      await page.keyboard.press("Enter");
      await expect(dialog.getByRole("status")).toHaveText("Zendesk is connected as agent@demo-store.test.");
      await expect(dialog.getByRole("button", { name: "Done" })).toBeFocused();
      await fits(page, "connected dialog");
      await tabTo(page, dialog.getByRole("button", { name: "Done" }));
      await page.keyboard.press("Enter");
      await expect(dialog).toBeHidden();
      await expect(zendesk.getByText("Connected", { exact: true })).toBeVisible();
      expect(await focused(page), "after the dialog closed").not.toBe("body");
      await fits(page, "integrations, connected");

      await page.goto("/customer-agent/settings/handoff");
      const inbox = page.getByRole("radio", { name: /^Baton Inbox/ });
      await expect(inbox).toBeChecked();
      await tabTo(page, inbox);
      await page.keyboard.press("ArrowDown");
      await expect(page.getByRole("radio", { name: /^Zendesk/ })).toBeChecked();
      await tabTo(page, page.getByRole("button", { name: "Save", exact: true }));
      await page.keyboard.press("Enter");
      await expect(page.getByRole("status").filter({ hasText: "Saved." })).toBeVisible();
      expect(await focused(page), "after the save").not.toBe("body");
      await fits(page, "handoff, saved");
      await page.reload();
      await expect(page.getByRole("radio", { name: /^Zendesk/ })).toBeChecked();
    });

    test("keyboard only: an agent claims, replies and closes in the inbox; focus follows each step", async ({ page }) => {
      test.setTimeout(90_000);
      await signIn(page, `keys-agent-${device}@e2e.test`);
      await page.goto("/inbox?assignee=all&state=open");
      const row = page.getByRole("link", { name: "Kai Keys" });
      await tabTo(page, row);
      await page.keyboard.press("Enter");
      await expect(page).toHaveURL(new RegExp(`/inbox/${readFixtures().keysConversationIds[device]}$`));
      await expect(page.getByTestId("transcript")).toContainText("invoice as a PDF");
      await tabTo(page, page.getByRole("button", { name: "Claim" }));
      await page.keyboard.press("Enter");
      const reply = page.getByLabel("Reply to the shopper");
      await expect(reply).toBeFocused();
      await page.keyboard.type("Yes, I'll email it to you now.");
      await page.keyboard.press("Tab");
      await expect(page.getByRole("button", { name: "Send reply" })).toBeFocused();
      await page.keyboard.press("Enter");
      await expect(page.getByTestId("transcript")).toContainText("I'll email it to you now.");
      // Sent: the box is empty and has focus again, ready for the next reply.
      await expect(reply).toHaveValue("");
      await expect(reply).toBeFocused();
      await fits(page, "conversation, replied");
      await tabTo(page, page.getByRole("button", { name: "Close conversation" }));
      await page.keyboard.press("Enter");
      await expect(page.getByRole("button", { name: "Yes, close it" })).toBeFocused();
      await page.keyboard.press("Enter");
      await expect(page.getByText("This conversation is closed.")).toBeFocused();
      expect(await focused(page)).not.toBe("body");
      // The Closed view says how it ended and who closed it.
      await page.goto("/inbox?assignee=all&state=closed");
      await expect(page.getByTestId("inbox-row").filter({ hasText: "Kai Keys" }).getByTestId("inbox-state")).toHaveText("Answered · closed by Kit Keys");
      await fits(page, "closed view");
    });
  });
}
