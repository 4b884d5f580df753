import { expect, test, type Page } from "@playwright/test";
import { signIn } from "./support/auth";

// Shoppers served in their own language: Loja Demo's page gives the widget its language
// (data-locale="pt-BR") whatever the browser says; on Demo Store, with no data-locale, a Spanish
// browser gets Spanish. Runs after the merchant journey (Demo Store's settings are final then).

async function openChat(page: Page, path: string, labels: { open: string; title: string; input: string }) {
  await page.goto(path);
  const bubble = page.getByTestId("baton-bubble");
  await expect(bubble).toHaveAttribute("aria-label", labels.open);
  await bubble.click();
  const panel = page.getByRole("dialog", { name: labels.title });
  await expect(panel).toBeVisible();
  await expect(panel.getByLabel(labels.input)).toBeFocused();
  return panel;
}

async function ask(page: Page, question: string, labels: { input: string; send: string }) {
  const panel = page.getByTestId("baton-panel");
  await panel.getByLabel(labels.input).fill(question);
  await panel.getByRole("button", { name: labels.send, exact: true }).click();
  await expect(panel.getByTestId("baton-message").filter({ hasText: question })).toHaveAttribute("data-author", "shopper");
}

test.describe("Loja Demo, an English browser on a Portuguese page", () => {
  test.use({ locale: "en-US" });

  test("the shopper is answered, hands off and gets the team's follow-up in Portuguese", async ({ page, browser }) => {
    const pt = { open: "Abrir chat", title: "Fale com a gente", input: "Sua mensagem", send: "Enviar" };
    const panel = await openChat(page, "/demo/loja", pt);
    await expect(page.getByRole("heading", { name: "Calçados para o dia a dia" })).toBeVisible();
    await expect(panel.getByTestId("baton-greeting")).toHaveText("Oi! Pode perguntar o que quiser sobre seu pedido, entrega ou trocas.");

    // Answered from the Portuguese knowledge, typed without accents.
    await ask(page, "quanto tempo demora a entrega", pt);
    const answer = panel.locator('[data-testid="baton-message"][data-author="assistant"]').last();
    await expect(answer).toContainText("Despachamos em até 1 dia útil");

    // Nobody from Loja Demo's team is online: the email step says the team answers by email.
    await ask(page, "A gravação é feita à mão?", pt);
    await expect(panel.getByText("Não tenho certeza sobre isso. Quer que eu chame alguém da nossa equipe?")).toBeVisible();
    await panel.getByRole("button", { name: "Sim, quero falar com um atendente" }).click();
    await expect(panel.getByText("Nossa equipe não está disponível agora, então vai te responder por e-mail. Qual é o seu e-mail?")).toBeVisible();
    const emailForm = panel.getByTestId("baton-email-form");
    await emailForm.getByLabel("Seu e-mail").fill("ana.loja@exemplo.com.br");
    await emailForm.getByRole("button", { name: "Enviar para a equipe" }).click();
    await expect(
      panel.getByText("Pronto! Enviei sua conversa para a nossa equipe. Eles vão te responder por e-mail em ana.loja@exemplo.com.br."),
    ).toBeVisible();
    await expect(panel.getByText("No momento não há ninguém da equipe disponível. Voltamos em breve.")).toBeVisible();

    // Loja Demo's agent replies from Baton Inbox: the follow-up email is written in Portuguese.
    const agent = await browser.newPage();
    await signIn(agent, "agent@loja.test");
    await agent.goto("/inbox");
    await agent.getByTestId("inbox-row").filter({ hasText: "ana.loja@exemplo.com.br" }).getByRole("link").click();
    await agent.getByRole("button", { name: "Claim" }).click();
    await agent.getByLabel("Reply to the shopper").fill("Sim, todas as gravações são feitas à mão.");
    await agent.getByRole("button", { name: "Send reply" }).click();
    const email = agent.getByTestId("email-follow-up").getByTestId("outbox-email");
    await expect(email).toContainText("Re: sua pergunta para Loja Demo");
    await expect(email).toContainText("Oi, Ana,");
    await expect(email).toContainText("Antes nesta conversa:");
    await expect(email).toContainText("> Você · ");
    // The shopper still in the chat sees the reply too, under the team's Portuguese name.
    const reply = panel.locator('[data-testid="baton-message"][data-author="human"]');
    await expect(reply).toContainText("Sim, todas as gravações são feitas à mão.", { timeout: 15_000 });
    await agent.close();
  });
});

test.describe("Demo Store, a Spanish browser", () => {
  test.use({ locale: "es-ES" });

  test("the widget speaks Spanish through the whole handoff", async ({ page }) => {
    const es = { open: "Abrir el chat", title: "Chatea con nosotros", input: "Tu mensaje", send: "Enviar" };
    const panel = await openChat(page, "/demo/store?shopper=unverified", es);
    await expect(panel.getByTestId("baton-greeting")).toHaveText("¡Hola! Pregúntame lo que quieras sobre tu pedido, el envío o las devoluciones.");
    await expect(panel.getByLabel(es.input)).toHaveAttribute("placeholder", "Escribe tu pregunta…");
    await ask(page, "¿Puedo cambiar el grabado de mi pedido?", es);
    await expect(panel.getByText("No estoy seguro de eso. ¿Quieres que te ponga en contacto con alguien de nuestro equipo?")).toBeVisible();
    await panel.getByRole("button", { name: "Sí, quiero hablar con un agente" }).click();
    await expect(panel.getByText("Para que nuestro equipo pueda contactarte, ¿cuál es tu correo electrónico?")).toBeVisible();
    const emailForm = panel.getByTestId("baton-email-form");
    await emailForm.getByLabel("Tu correo electrónico").fill("no-es-un-correo");
    await emailForm.getByRole("button", { name: "Enviar al equipo" }).click();
    await expect(emailForm.getByRole("alert")).toHaveText("Introduce un correo electrónico válido.");
    await emailForm.getByLabel("Tu correo electrónico").fill("lucia@example.es");
    await emailForm.getByRole("button", { name: "Enviar al equipo" }).click();
    await expect(panel.getByText("¡Gracias! He enviado tu conversación a nuestro equipo. Alguien te responderá aquí mismo.")).toBeVisible();
  });
});
