"use client";

import { useTranslations } from "@/lib/i18n/client";
import { useRouter } from "next/navigation";
import { useActionState, useState } from "react";
import { submitWith } from "@/components/forms/submit-with";
import type { HandoffSnapshot } from "@/lib/validation/handoff";
import { saveHandoffAction } from "@/lib/actions/handoff";
import { SaveBar } from "@/components/forms/save-bar";
import { ConnectDialog } from "@/components/integrations/lazy-connect-dialog";
import { HANDOFF_LINK_LABEL_MAX, HANDOFF_LINKS_MAX, HANDOFF_MESSAGE_MAX } from "@/lib/validation/handoff-fields";
import { HandoffPreview, type ShopperView } from "./handoff-preview";
import type { EditableLink } from "./message-fields";
import { initialVersions, MessageLanguages } from "./message-languages";
import { MethodFields } from "./method-fields";
import type { ConnectableId, DestinationId, OnboardingView } from "@/lib/validation/integrations";

const knownErrors = [
  "method_required",
  "destination_required",
  "integration_required",
  "message_required",
  "message_too_long",
  "too_many_links",
  "link_label_required",
  "link_label_too_long",
  "link_url_required",
  "link_url_invalid",
  "stale_version",
  "forbidden",
  "unauthenticated",
  "validation_failed",
  "internal",
] as const;
type KnownError = (typeof knownErrors)[number];
const asKnown = (code: string): KnownError => ((knownErrors as readonly string[]).includes(code) ? (code as KnownError) : "internal");

export function HandoffForm({
  settings,
  version,
  connected,
  connectedAs,
  canEdit,
  onboarding,
  justConnected,
  connectRequest,
  shopperViews,
}: {
  settings: HandoffSnapshot;
  version: number;
  connected: Record<DestinationId, boolean>;
  connectedAs: Partial<Record<DestinationId, string>>;
  canEdit: boolean;
  /** How each connectable destination's onboarding is offered (its adapter's description). */
  onboarding: Record<ConnectableId, OnboardingView>;
  /** Back from a successful OAuth onboarding: that helpdesk starts selected. */
  justConnected?: ConnectableId;
  /** Back from a failed OAuth onboarding: the dialog reopens with the reason. */
  connectRequest?: { provider: ConnectableId; error?: string };
  /** The preview's shopper languages: texts, and Baton Inbox's replies with and without someone available. */
  shopperViews: ShopperView[];
}) {
  const t = useTranslations("handoff");
  const [result, formAction, pending] = useActionState(saveHandoffAction, null);
  const router = useRouter();
  const [method, setMethod] = useState(justConnected || connectRequest ? "helpdesk" : settings.method);
  const [destination, setDestination] = useState<DestinationId>(justConnected ?? connectRequest?.provider ?? settings.destination);
  const [connecting, setConnecting] = useState<ConnectableId | null>(canEdit ? (connectRequest?.provider ?? null) : null);
  // One empty row to start from when there are no links yet; empty rows are dropped on save.
  const [main, setMain] = useState<{ message: string; links: EditableLink[] }>(() => ({
    message: settings.message,
    links: settings.links.length > 0 ? settings.links.map((l, i) => ({ key: i, ...l })) : [{ key: 0, label: "", url: "" }],
  }));
  const [versions, setVersions] = useState(() => initialVersions(shopperViews.slice(1), settings.translations));

  // The version this form edits: the page's, or the one our own last save produced.
  const formVersion = Math.max(version, result?.ok ? result.data.version : 0);
  const fieldErrors = result && !result.ok ? (result.fieldErrors ?? {}) : {};
  const text = (code: string) =>
    t(`errors.${asKnown(code)}`, {
      max: code === "too_many_links" ? HANDOFF_LINKS_MAX : code.startsWith("link_label") ? HANDOFF_LINK_LABEL_MAX : HANDOFF_MESSAGE_MAX,
    });
  const errorFor = (field: string) => (fieldErrors[field]?.[0] ? text(fieldErrors[field][0]) : undefined);
  const needsConnection = method === "helpdesk" && !connected[destination];
  const onSubmit = submitWith(formAction);

  return (
    <div className="grid gap-8 xl:grid-cols-[minmax(0,3fr)_minmax(0,2fr)]">
      <form onSubmit={onSubmit} noValidate className="space-y-6" aria-describedby={canEdit ? undefined : "handoff-read-only"}>
        {justConnected && connected[justConnected] && !result ? (
          <p role="status" className="rounded-md bg-emerald-50 px-4 py-3 text-sm text-emerald-800">
            {t("justConnected", { helpdesk: t(`destinations.${justConnected}.name`) })}
          </p>
        ) : null}
        {!canEdit ? (
          <p id="handoff-read-only" className="rounded-md border border-slate-200 bg-slate-100 px-4 py-3 text-sm text-slate-700">
            {t("readOnly")}
          </p>
        ) : null}
        <input type="hidden" name="version" value={formVersion} />
        <fieldset disabled={!canEdit} className="space-y-6">
          <MethodFields
            method={method}
            destination={destination}
            connected={connected}
            connectedAs={connectedAs}
            onMethod={setMethod}
            onDestination={setDestination}
            onConnect={setConnecting}
            error={errorFor("destination")}
          />
          {method === "message" ? (
            <MessageLanguages languages={shopperViews} main={main} onMain={setMain} versions={versions} onVersions={setVersions} errorFor={errorFor} />
          ) : null}
          <SaveBar
            result={result}
            pending={pending}
            disabled={needsConnection}
            labels={{ save: t("save"), saving: t("saving"), saved: t("saved"), reload: t("reload") }}
            errorText={text}
            className="border-t border-slate-200 pt-6"
          />
        </fieldset>
      </form>
      <HandoffPreview method={method} destination={destination} main={main} versions={versions} views={shopperViews} />
      {connecting ? (
        <ConnectDialog
          provider={connecting}
          view={onboarding[connecting]}
          returnTo="/customer-agent/settings/handoff"
          initialError={connectRequest?.provider === connecting ? connectRequest.error : undefined}
          onClose={() => setConnecting(null)}
          onConnected={() => {
            setConnecting(null);
            router.refresh();
          }}
        />
      ) : null}
    </div>
  );
}
