import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { CopyButton } from "@/components/ui/copy-button";
import { headers } from "next/headers";
import { getDb } from "@/db/client";
import { listActiveKeys, listOrigins } from "@/db/queries/widget-keys";
import { requireMember } from "@/lib/auth/require-member";
import { identitySettings } from "@/lib/services/shopper-identity";
import { IdentitySettings } from "./identity-settings";
import { KeyRow, OriginsEditor } from "./widget-settings";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("widgetSettings");
  return { title: t("title") };
}

export default async function WidgetSettingsPage() {
  const member = await requireMember({ role: "lead" });
  const db = await getDb();
  const [keys, origins, identity] = await Promise.all([
    listActiveKeys(db, member.accountId),
    listOrigins(db, member.accountId),
    identitySettings(db, member.accountId),
  ]);
  const t = await getTranslations("widgetSettings");
  const h = await headers();
  const baseUrl = `${h.get("x-forwarded-proto") ?? "http"}://${h.get("host") ?? "localhost:3000"}`;
  const publishable = keys.find((k) => k.kind === "publishable")?.display ?? null;
  const secret = keys.find((k) => k.kind === "secret")?.display ?? null;
  const canEdit = member.role === "admin";
  const card = "rounded-xl border border-slate-200 bg-white p-6";
  const snippet = `<script src="${baseUrl}/widget.js" data-key="${publishable ?? "pk_…"}" async></script>`;
  return (
    <div className="max-w-4xl space-y-6">
      <div>
        <h2 className="text-lg font-semibold text-slate-900">{t("title")}</h2>
        <p className="mt-1 text-sm text-slate-600">{t("description")}</p>
      </div>
      {!canEdit ? <p className="rounded-md border border-slate-200 bg-slate-100 px-4 py-3 text-sm text-slate-700">{t("readOnly")}</p> : null}
      <section aria-labelledby="embed-title" className={card}>
        <h3 id="embed-title" className="text-sm font-semibold text-slate-900">
          {t("embedTitle")}
        </h3>
        <p className="mt-1 text-sm text-slate-600">{t("embedHint", { tag: "</body>" })}</p>
        {/* Focusable so a keyboard can scroll a snippet wider than the screen. */}
        <pre
          tabIndex={0}
          aria-labelledby="embed-title"
          className="mt-3 overflow-x-auto rounded-md bg-slate-900 px-4 py-3 text-xs text-slate-100 focus-visible:outline-2 focus-visible:outline-indigo-600"
        >
          <code data-testid="embed-snippet">{snippet}</code>
        </pre>
        <div className="mt-3">
          <CopyButton text={snippet} label={t("copySnippet")} copiedLabel={t("snippetCopied")} failedLabel={t("copyFailed")} />
        </div>
      </section>
      <section aria-labelledby="keys-title" className={card}>
        <h3 id="keys-title" className="text-sm font-semibold text-slate-900">
          {t("keysTitle")}
        </h3>
        <div className="mt-4 divide-y divide-slate-200">
          <KeyRow kind="publishable" label={t("publishable")} hint={t("publishableHint")} display={publishable} canEdit={canEdit} />
          <KeyRow kind="secret" label={t("secret")} hint={t("secretHint")} display={secret} canEdit={canEdit} />
        </div>
      </section>
      <section aria-labelledby="origins-title" className={card}>
        <h3 id="origins-title" className="text-sm font-semibold text-slate-900">
          {t("originsTitle")}
        </h3>
        <p className="mt-1 text-sm text-slate-600">{t("originsHint")}</p>
        <OriginsEditor origins={origins} canEdit={canEdit} />
      </section>
      <section aria-labelledby="identity-title" className={card}>
        <h3 id="identity-title" className="text-sm font-semibold text-slate-900">
          {t("identity.title")}
        </h3>
        <p className="mt-1 text-sm text-slate-600">{t("identity.hint")}</p>
        <IdentitySettings secretHint={identity.secretHint} unverifiedHandoff={identity.unverifiedHandoff} canEdit={canEdit} />
      </section>
    </div>
  );
}
