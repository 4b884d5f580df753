import { expect, test } from "@playwright/test";
import { signIn } from "./support/auth";

// The Knowledge tab on Loja Demo: a lead turns an overview gap into an answer, the shopper gets
// it in the widget; agents read only; other accounts never see the entry. Uses its own question
// ("embrulho para presente"), which no other spec asks.
const question = "Vocês fazem embrulho para presente?";
const answer = "Sim! Todo pedido pode ir embrulhado para presente, sem custo.";

test("a lead adds an answer from a knowledge gap, tries it, and the shopper gets it in the widget", async ({ page, browser }) => {
  // Three pages and two storefront visits: 30 s alone, over a minute beside the other worker on two cores.
  test.setTimeout(120_000);
  await signIn(page, "lead@loja.test");
  await page.goto("/customer-agent/overview?range=90");
  const gap = page.getByTestId("knowledge-gap").first();
  const gapQuestion = (await gap.locator("p").first().textContent())!.trim();
  await gap.getByTestId("add-answer").click();
  await expect(page).toHaveURL(/\/customer-agent\/knowledge\?add=/);
  const editor = page.getByTestId("entry-editor");
  await expect(editor.getByLabel("Question", { exact: true })).toHaveValue(gapQuestion);
  // Before saving: the answerer replayed over the range's unanswered questions with this entry.
  await editor.getByLabel("Answer").fill("Uma resposta de teste.");
  await editor.getByRole("button", { name: "Check against unanswered questions" }).click();
  await expect(editor.getByTestId("replay-result")).toContainText(
    /It would have answered [1-9][\d,]* questions? of the [\d,]+ unanswered questions of the last 90 days/,
  );
  await editor.getByRole("button", { name: "Cancel" }).click();

  // The same link for another group's wordings; inline errors first.
  await page.goto(
    `/customer-agent/knowledge?${new URLSearchParams({ add: question, variants: "Dá para embrulhar para presente?\nTem embrulho para presente?" })}`,
  );
  await expect(editor.getByLabel("Other ways shoppers ask it")).toHaveValue("Dá para embrulhar para presente?\nTem embrulho para presente?");
  await expect(editor.getByLabel("Language")).toHaveValue("pt-BR");
  await editor.getByLabel("Link (optional)").fill("http://loja.example/presente");
  await editor.getByRole("button", { name: "Save" }).click();
  await expect(editor.getByText("Write the answer.")).toBeVisible();
  await expect(editor.getByText("Use a full https:// link.")).toBeVisible();
  await expect(editor.getByLabel("Answer")).toHaveAttribute("aria-invalid", "true");
  await editor.getByLabel("Answer").fill(answer);
  await editor.getByLabel("Link (optional)").fill("https://loja.example/presente");
  await editor.getByRole("button", { name: "Save" }).click();
  await expect(editor).toBeHidden();
  const entry = page.getByTestId("knowledge-entry").filter({ hasText: question });
  await expect(entry).toContainText(answer);

  // Try it shows the entry and its score.
  await page.getByLabel("Shopper's question").fill("tem embrulho pra presente");
  await page.getByRole("button", { name: "Ask" }).click();
  await expect(page.getByTestId("try-it-result")).toContainText(`The agent answers from “${question}”`);

  // The shopper asks in the widget, gets the answer, and says it helped (by keyboard: the
  // question's buttons come before the message box); the overview counts it resolved.
  const resolved = async () => {
    await page.goto("/customer-agent/overview?range=7");
    const detail = await page
      .getByTestId("tile-resolution")
      .getByText(/of [\d,]+ conversations?/)
      .first()
      .textContent();
    return Number(detail!.match(/^([\d,]+)/)![1]!.replace(/,/g, ""));
  };
  const before = await resolved();
  const ask = async () => {
    const shopper = await browser.newPage();
    await shopper.goto("/demo/loja");
    await shopper.getByTestId("baton-bubble").click();
    const panel = shopper.getByTestId("baton-panel");
    // Sent with Enter, so the focus stays in the message box.
    await panel.getByLabel("Sua mensagem").fill("Vocês embrulham para presente?");
    await panel.getByLabel("Sua mensagem").press("Enter");
    await expect(panel.locator('[data-testid="baton-message"][data-author="assistant"]').last()).toContainText(answer);
    await expect(panel.getByRole("group", { name: "Isso respondeu à sua pergunta?" })).toBeVisible();
    await expect(panel.getByLabel("Sua mensagem")).toBeFocused();
    return { shopper, panel };
  };
  const yes = await ask();
  await yes.panel.getByLabel("Sua mensagem").press("Shift+Tab");
  await expect(yes.panel.getByRole("button", { name: "Não", exact: true })).toBeFocused();
  await yes.shopper.keyboard.press("Shift+Tab");
  await expect(yes.panel.getByRole("button", { name: "Sim, obrigado" })).toBeFocused();
  await yes.shopper.keyboard.press("Enter");
  await expect(yes.panel.locator('[data-testid="baton-message"][data-author="assistant"]').last()).toContainText("Que bom que pude ajudar!");
  await expect(yes.panel.getByTestId("baton-feedback")).toHaveCount(0);
  await expect(yes.panel.getByLabel("Sua mensagem")).toBeFocused();
  await yes.shopper.close();
  await expect.poll(resolved).toBeGreaterThan(before);

  // "No" goes to the handoff rules at once: Loja Demo offers a person, and the offer takes focus.
  const no = await ask();
  await no.panel.getByRole("button", { name: "Não", exact: true }).click();
  await expect(no.panel.getByTestId("baton-consent")).toBeVisible();
  await expect(no.panel.getByTestId("baton-consent-yes")).toBeFocused();
  await no.shopper.close();
  await page.goto("/customer-agent/knowledge");

  // Turned off it stops answering; deleted, Undo brings it back.
  await entry.getByRole("button", { name: `Turn off: “${question}”` }).click();
  await expect(entry).toContainText("Off");
  await entry.getByRole("button", { name: `Turn on: “${question}”` }).click();
  await expect(entry).toContainText("On");
  await entry.getByRole("button", { name: `Delete “${question}”` }).click();
  await expect(page.getByText(`Deleted “${question}”.`)).toBeVisible();
  await expect(entry).toBeHidden();
  await page.getByRole("button", { name: "Undo" }).click();
  await expect(page.getByText("Entry restored.")).toBeVisible();
  await expect(entry).toBeVisible();
});

test("agents read the knowledge without editing; other accounts never see it", async ({ page }) => {
  // Demo Store's agent (kept available all run): an agent of Loja Demo signing in would become
  // available and take the live handoff the Loja Demo shopper spec expects to go by email.
  await signIn(page, "agent@demo.test");
  await page.goto("/customer-agent/knowledge");
  await expect(page.getByText("You can read the knowledge and try questions")).toBeVisible();
  await expect(page.getByTestId("knowledge-entry").first()).toBeVisible();
  await expect(page.getByRole("button", { name: /^Edit / })).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Add an entry" })).toHaveCount(0);

  await page.context().clearCookies();
  await signIn(page, "admin@other.test");
  await page.goto("/customer-agent/knowledge?q=pedido");
  await expect(page.getByText("No entries match this search.")).toBeVisible();
  await page.goto("/customer-agent/knowledge?lang=pt-BR");
  await expect(page.getByTestId("knowledge-entry")).toHaveCount(0);
});
