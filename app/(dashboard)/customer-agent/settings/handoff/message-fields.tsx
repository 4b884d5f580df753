"use client";

import { useTranslations } from "@/lib/i18n/client";
import { controlClass, TextAreaField } from "@/components/forms/field";
import { Button } from "@/components/ui/button";
import { HANDOFF_LINKS_MAX, HANDOFF_MESSAGE_MAX, withScheme } from "@/lib/validation/handoff-fields";

export type EditableLink = { key: number; label: string; url: string };

/**
 * The custom message and its links. `language`: editing another language's version than the
 * account's (its controls carry no form names: the form sends those versions as one JSON field).
 */
export function MessageFields({
  message,
  links,
  onMessage,
  onLinks,
  errorFor,
  language,
}: {
  message: string;
  links: EditableLink[];
  onMessage: (m: string) => void;
  onLinks: (l: EditableLink[]) => void;
  errorFor: (field: string) => string | undefined;
  language?: string;
}) {
  const named = (name: string) => (language ? undefined : name);
  const t = useTranslations("handoff");
  const messageError = errorFor("message");
  const linksError = errorFor("links");
  const update = (key: number, patch: Partial<EditableLink>) => onLinks(links.map((l) => (l.key === key ? { ...l, ...patch } : l)));

  return (
    <div className="space-y-6">
      <TextAreaField
        id={language ? `handoff-message-${language}` : "handoff-message"}
        name={named("message")}
        label={t("messageLabel")}
        hint={t("messageHint")}
        error={messageError}
        count={{ value: message.length, max: HANDOFF_MESSAGE_MAX, text: t("characters", { count: message.length, max: HANDOFF_MESSAGE_MAX }) }}
        rows={4}
        value={message}
        onChange={(e) => onMessage(e.target.value)}
        placeholder={t("messagePlaceholder")}
      />

      <fieldset>
        <legend className="text-sm font-medium text-slate-900">{t("linksLegend")}</legend>
        <p className="mt-1 text-xs text-slate-500">{t("linksHint", { max: HANDOFF_LINKS_MAX })}</p>
        {links.length === 0 ? <p className="mt-3 text-sm text-slate-500">{t("noLinks")}</p> : null}
        <ul className="mt-3 space-y-3">
          {links.map((link, index) => {
            const labelError = errorFor(`links.${index}.label`);
            const urlError = errorFor(`links.${index}.url`);
            return (
              <li key={link.key} className="grid gap-2 sm:grid-cols-[minmax(0,2fr)_minmax(0,3fr)_auto] sm:items-start">
                <div>
                  <input
                    name={named(`links.${index}.label`)}
                    aria-label={t("linkLabel", { index: index + 1 })}
                    value={link.label}
                    placeholder={t("linkLabelPlaceholder")}
                    onChange={(e) => update(link.key, { label: e.target.value })}
                    aria-invalid={labelError ? true : undefined}
                    aria-describedby={labelError ? `link-${link.key}-label-error` : undefined}
                    className={controlClass(Boolean(labelError))}
                  />
                  {labelError ? (
                    <p id={`link-${link.key}-label-error`} className="mt-1 text-xs text-red-700">
                      {labelError}
                    </p>
                  ) : null}
                </div>
                <div>
                  <input
                    name={named(`links.${index}.url`)}
                    inputMode="url"
                    aria-label={t("linkUrl", { index: index + 1 })}
                    value={link.url}
                    placeholder={t("linkUrlPlaceholder")}
                    onChange={(e) => update(link.key, { url: e.target.value })}
                    // What the server will save: "shop.example/help" becomes https://shop.example/help.
                    onBlur={(e) => e.target.value.trim() && update(link.key, { url: withScheme(e.target.value.trim()) })}
                    aria-invalid={urlError ? true : undefined}
                    aria-describedby={urlError ? `link-${link.key}-url-error` : undefined}
                    className={controlClass(Boolean(urlError))}
                  />
                  {urlError ? (
                    <p id={`link-${link.key}-url-error`} className="mt-1 text-xs text-red-700">
                      {urlError}
                    </p>
                  ) : null}
                </div>
                <Button
                  type="button"
                  variant="ghost"
                  aria-label={t("removeLink", { index: index + 1 })}
                  onClick={() => onLinks(links.filter((l) => l.key !== link.key))}
                >
                  <svg aria-hidden="true" viewBox="0 0 20 20" className="size-4" fill="currentColor">
                    <path d="M6 6l8 8M14 6l-8 8" stroke="currentColor" strokeWidth="1.8" strokeLinecap="round" />
                  </svg>
                </Button>
              </li>
            );
          })}
        </ul>
        {linksError ? <p className="mt-2 text-sm text-red-700">{linksError}</p> : null}
        <Button
          type="button"
          variant="secondary"
          className="mt-3"
          disabled={links.length >= HANDOFF_LINKS_MAX}
          onClick={() => onLinks([...links, { key: Date.now(), label: "", url: "" }])}
        >
          {t("addLink")}
        </Button>
      </fieldset>
    </div>
  );
}
