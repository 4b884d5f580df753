"use client";

import { useTranslations } from "@/lib/i18n/client";
import { useActionState, useCallback, useState } from "react";
import { Button } from "@/components/ui/button";
import { deleteEntryAction, restoreEntryAction, toggleEntryAction } from "@/lib/actions/knowledge";
import type { KnowledgeEntryView } from "@/lib/validation/knowledge";
import { asKnowledgeError } from "@/lib/validation/knowledge-errors";
import { EntryEditor } from "./entry-editor";

type Prefill = { question: string; variants: string; locale: string; days?: number } | null;

/** The account's entries; admins and leads edit, turn off and delete them (with Undo). */
export function KnowledgeList({
  entries,
  canEdit,
  filtered,
  locales,
  prefill,
}: {
  entries: KnowledgeEntryView[];
  canEdit: boolean;
  filtered: boolean;
  locales: string[];
  prefill: Prefill;
}) {
  const t = useTranslations("knowledge");
  const [editing, setEditing] = useState<string | null>(prefill ? "new" : null);
  const close = useCallback(() => setEditing(null), []);
  const [deleted, remove] = useActionState(deleteEntryAction, null);
  const [restored, restore, restoring] = useActionState(restoreEntryAction, null);
  const undone = restored?.ok && deleted?.ok && restored.at > deleted.at;
  return (
    <section aria-labelledby="knowledge-entries-title" className="space-y-3">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h3 id="knowledge-entries-title" className="text-sm font-semibold text-slate-900">
          {t("count", { count: entries.length })}
        </h3>
        {canEdit && editing !== "new" ? <Button onClick={() => setEditing("new")}>{t("add")}</Button> : null}
      </div>
      {deleted?.ok && !undone ? (
        <form
          action={restore}
          role="status"
          className="flex flex-wrap items-center gap-3 rounded-md border border-slate-200 bg-slate-50 px-4 py-2 text-sm text-slate-800"
        >
          <span>{t("deleted", { question: deleted.data.question })}</span>
          <input type="hidden" name="snapshot" value={deleted.data.snapshot} />
          <Button type="submit" variant="secondary" disabled={restoring}>
            {t("undo")}
          </Button>
        </form>
      ) : null}
      {undone ? (
        <p role="status" className="text-sm text-emerald-700">
          {t("restored")}
        </p>
      ) : null}
      {restored && !restored.ok ? (
        <p role="alert" className="text-sm text-red-700">
          {t(`errors.${asKnowledgeError(restored.fieldErrors?.question?.[0] ?? restored.error.code)}`)}
        </p>
      ) : null}
      {editing === "new" ? <EntryEditor initial={prefill ?? {}} locales={locales} onDone={close} days={prefill?.days} /> : null}
      {entries.length === 0 ? (
        <p className="rounded-lg border border-dashed border-slate-200 bg-slate-50/60 px-4 py-10 text-center text-sm text-slate-500">
          {filtered ? t("emptyFiltered") : t("empty")}
        </p>
      ) : (
        <ul className="space-y-3" data-testid="knowledge-entries">
          {entries.map((e) =>
            editing === e.id ? (
              <li key={e.id}>
                <EntryEditor initial={{ ...e, variants: e.variants.join("\n") }} locales={locales} onDone={close} />
              </li>
            ) : (
              <EntryItem key={e.id} entry={e} canEdit={canEdit} onEdit={() => setEditing(e.id)} remove={remove} />
            ),
          )}
        </ul>
      )}
    </section>
  );
}

function EntryItem({ entry, canEdit, onEdit, remove }: { entry: KnowledgeEntryView; canEdit: boolean; onEdit: () => void; remove: (form: FormData) => void }) {
  const t = useTranslations("knowledge");
  const [toggled, toggle] = useActionState(toggleEntryAction, null);
  const when = entry.changed;
  const state = entry.status === "draft" ? t("draft") : entry.enabled ? t("on") : t("off");
  const action = entry.enabled ? t("turnOff") : t("turnOn");
  return (
    <li className={`rounded-xl border bg-white p-4 ${entry.status === "draft" ? "border-amber-300" : "border-slate-200"}`} data-testid="knowledge-entry">
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div className="min-w-0 flex-1 basis-64">
          <p className="font-medium text-slate-900">{entry.question}</p>
          <p className="mt-1 whitespace-pre-line text-sm text-slate-700">{entry.answer}</p>
          {entry.link ? (
            <a href={entry.link} className="mt-1 block truncate text-sm text-indigo-700 underline" rel="noreferrer" target="_blank">
              {entry.link}
            </a>
          ) : null}
          {entry.variants.length > 0 ? (
            <details className="mt-2 text-sm text-slate-600">
              <summary className="cursor-pointer">{t("variantsCount", { count: entry.variants.length })}</summary>
              <ul className="mt-1 list-disc pl-5">
                {entry.variants.map((v) => (
                  <li key={v}>{v}</li>
                ))}
              </ul>
            </details>
          ) : null}
          <p className="mt-2 text-xs text-slate-500">
            {[
              t(`languages.${entry.locale}` as "languages.en"),
              state,
              t("answered30", { count: entry.answers30 }),
              t("helpful30", { count: entry.helpful30 }),
              t("handedOff30", { count: entry.handedOff30 }),
              entry.updatedByName ? t("changedBy", { name: entry.updatedByName, when }) : t("changedWhen", { when }),
            ].join(" · ")}
          </p>
        </div>
        {canEdit ? (
          <div className="flex flex-wrap gap-2">
            <Button variant="secondary" onClick={onEdit} aria-label={t("editLabel", { question: entry.question })}>
              {t("edit")}
            </Button>
            <form action={toggle}>
              <input type="hidden" name="id" value={entry.id} />
              <input type="hidden" name="enabled" value={String(!entry.enabled)} />
              <Button type="submit" variant="secondary" aria-label={t("toggleLabel", { action, question: entry.question })}>
                {action}
              </Button>
            </form>
            <form action={remove}>
              <input type="hidden" name="id" value={entry.id} />
              <Button type="submit" variant="ghost" aria-label={t("deleteLabel", { question: entry.question })}>
                {t("delete")}
              </Button>
            </form>
          </div>
        ) : null}
      </div>
      {toggled && !toggled.ok ? (
        <p role="alert" className="mt-2 text-sm text-red-700">
          {t(`errors.${asKnowledgeError(toggled.error.code)}`)}
        </p>
      ) : null}
    </li>
  );
}
