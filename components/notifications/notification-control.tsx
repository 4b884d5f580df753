"use client";

import { useTranslations } from "@/lib/i18n/client";
import { useRouter } from "next/navigation";
import { useId, useState, useSyncExternalStore, useTransition } from "react";
import { setNotificationSoundAction } from "@/lib/actions/notifications";
import { useHandoffNotices } from "@/components/inbox/live-updates";
import { playHandoffSound, unlockSound } from "./handoff-sound";

type Permission = "granted" | "denied" | "default" | "unsupported";

// The browser's permission, read as an external store: it changes outside React (the button's
// prompt, the site settings), and the server's HTML knows nothing of it.
const permissionListeners = new Set<() => void>();
const readPermission = (): Permission => (typeof Notification === "undefined" ? "unsupported" : Notification.permission);
const subscribePermission = (listener: () => void) => {
  permissionListeners.add(listener);
  // A change made in the site settings shows when the member comes back to the tab.
  window.addEventListener("focus", listener);
  return () => {
    permissionListeners.delete(listener);
    window.removeEventListener("focus", listener);
  };
};
const permissionChanged = () => permissionListeners.forEach((l) => l());

/**
 * Desktop notifications for new Baton Inbox handoffs, on every dashboard page (in the sidebar):
 * the browser is asked only when the member presses "Turn on notifications"; the state shows
 * whether they are on, blocked by the browser or unsupported. The server sends a handoff only to
 * members Available when it arrives; clicking the notification focuses the tab and opens it.
 */
export function NotificationControl({ initialSound }: { initialSound: boolean }) {
  const t = useTranslations("notifications");
  const router = useRouter();
  const permission = useSyncExternalStore(subscribePermission, readPermission, () => "default" as Permission);
  const [sound, setSound] = useState(initialSound);
  const [soundFailed, setSoundFailed] = useState(false);
  const [, startTransition] = useTransition();
  const stateId = useId();

  useHandoffNotices((notice) => {
    if (sound) playHandoffSound();
    if (readPermission() !== "granted") return;
    // One notification per conversation, however many tabs are open (same tag replaces).
    const notification = new Notification(t("notification.title"), {
      body: notice.preview ?? t("notification.fallbackBody"),
      tag: `baton-handoff-${notice.conversationId}`,
    });
    notification.onclick = () => {
      window.focus();
      router.push(`/inbox/${notice.conversationId}`);
      notification.close();
    };
  });

  const turnOn = () => {
    unlockSound();
    void Notification.requestPermission()
      .catch(() => readPermission())
      .then(permissionChanged);
  };

  const toggleSound = (next: boolean) => {
    if (next) unlockSound();
    setSound(next);
    setSoundFailed(false);
    startTransition(async () => {
      const result = await setNotificationSoundAction(next).catch(() => null);
      if (!result?.ok) {
        setSound(!next);
        setSoundFailed(true);
      }
    });
  };

  const state = permission === "granted" ? "on" : permission === "denied" ? "blocked" : permission === "unsupported" ? "unsupported" : "off";
  return (
    <div className="px-2 pb-3" data-testid="notification-control" data-state={state}>
      <p className="mb-1.5 text-xs font-medium uppercase tracking-wide text-slate-400">{t("control.legend")}</p>
      {state === "off" ? (
        <button
          type="button"
          onClick={turnOn}
          aria-describedby={stateId}
          className="w-full rounded-md bg-slate-800 px-3 py-1.5 text-sm font-medium text-white transition hover:bg-slate-700 focus-visible:outline-2 focus-visible:outline-indigo-400"
        >
          {t("control.turnOn")}
        </button>
      ) : null}
      <p id={stateId} className="mt-1.5 px-0.5 text-xs text-slate-400" role="status">
        {t(`control.${state}`)}
      </p>
      <label className="mt-2 flex cursor-pointer items-center gap-2 px-0.5 text-sm text-slate-300 has-focus-visible:outline-2 has-focus-visible:outline-indigo-400">
        <input type="checkbox" checked={sound} onChange={(e) => toggleSound(e.target.checked)} className="size-4 accent-indigo-400" />
        {t("control.sound")}
      </label>
      {soundFailed ? (
        <p role="alert" className="mt-1 px-0.5 text-xs text-rose-300">
          {t("control.soundFailed")}
        </p>
      ) : null}
    </div>
  );
}
