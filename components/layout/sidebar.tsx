import { getTranslations } from "next-intl/server";
import type { MembershipView } from "@/db/queries/accounts/memberships";
import type { Member } from "@/lib/auth/require-member";
import { UnassignedBadge } from "@/components/inbox/unassigned-badge";
import type { PresenceStatus } from "@/db/schema/availability";
import { canSeeOverview, canSeeSettings } from "@/lib/auth/roles";
import { languageOptions, savedLocale } from "@/lib/i18n/language-names";
import { AccountMenu } from "./account-menu";
import { NavDrawer } from "./nav-drawer";
import { NavLink } from "./nav-link";
import { PresenceControl } from "./presence-control";
import { NotificationControl } from "@/components/notifications/notification-control";

const item =
  "flex items-center gap-3 rounded-md px-3 py-2 text-sm font-medium transition hover:bg-slate-800 hover:text-white focus-visible:outline-2 focus-visible:outline-indigo-400";
const subItem =
  "block rounded-md py-1.5 pl-10 pr-3 text-sm transition hover:bg-slate-800 hover:text-white focus-visible:outline-2 focus-visible:outline-indigo-400";
const states = {
  item: { activeClassName: "bg-slate-800 text-white", inactiveClassName: "text-slate-300" },
  subItem: { activeClassName: "font-medium text-white", inactiveClassName: "text-slate-400" },
};

export async function Sidebar({
  member,
  memberships,
  unassigned,
  presence,
  sound,
}: {
  member: Member;
  memberships: MembershipView[];
  unassigned: number;
  presence: { status: PresenceStatus; heartbeatMs: number };
  /** The member's notification sound choice. */
  sound: boolean;
}) {
  const t = await getTranslations("nav");
  const tCommon = await getTranslations("common");
  const overview = canSeeOverview(member.role);
  const settings = canSeeSettings(member.role);
  return (
    <NavDrawer appName={tCommon("appName")}>
      <aside className="flex min-h-0 flex-1 flex-col text-slate-100 md:sticky md:top-0 md:h-screen">
        <div className="px-5 py-5 text-lg font-semibold tracking-tight text-white">{tCommon("appName")}</div>
        <nav aria-label={t("label")} className="flex-1 space-y-1 px-3">
          {settings ? (
            <>
              <NavLink
                href={overview ? "/customer-agent/overview" : "/customer-agent/settings/handoff"}
                match="/customer-agent"
                className={item}
                {...states.item}
              >
                <Icon path="M8 10h8M8 14h5M21 12a9 9 0 1 1-4.2-7.6L21 3v5h-5" />
                {t("customerAgent")}
              </NavLink>
              <div className="space-y-0.5">
                {overview ? (
                  <NavLink href="/customer-agent/overview" className={subItem} {...states.subItem}>
                    {t("overview")}
                  </NavLink>
                ) : null}
                <NavLink href="/customer-agent/knowledge" className={subItem} {...states.subItem}>
                  {t("knowledge")}
                </NavLink>
                <NavLink href="/customer-agent/settings/handoff" match="/customer-agent/settings" className={subItem} {...states.subItem}>
                  {t("settings")}
                </NavLink>
              </div>
            </>
          ) : (
            <NavLink href="/customer-agent/knowledge" className={item} {...states.item}>
              <Icon path="M4 5a2 2 0 0 1 2-2h12v16H6a2 2 0 0 0-2 2zm0 0v16M8 7h6" />
              {t("knowledge")}
            </NavLink>
          )}
          <NavLink href="/inbox" className={item} {...states.item}>
            <Icon path="M3 13h4l2 3h6l2-3h4M5 5h14l2 8v6H3v-6z" />
            {t("inbox")}
            <UnassignedBadge key={unassigned} initial={unassigned} />
          </NavLink>
          {settings ? (
            <NavLink href="/integrations" className={item} {...states.item}>
              <Icon path="M9 7V3m6 4V3M7 7h10v4a5 5 0 0 1-10 0zm5 9v5" />
              {t("integrations")}
            </NavLink>
          ) : null}
        </nav>
        <div className="border-t border-slate-800 p-3">
          <PresenceControl key={member.accountId} initial={presence.status} heartbeatMs={presence.heartbeatMs} />
          <NotificationControl key={`notifications-${member.accountId}`} initialSound={sound} />
          <AccountMenu
            email={member.email}
            role={member.role}
            currentAccountId={member.accountId}
            accounts={memberships.map((m) => ({ id: m.accountId, name: m.accountName, role: m.role }))}
            language={{ chosen: savedLocale(member.locale), options: languageOptions() }}
          />
        </div>
      </aside>
    </NavDrawer>
  );
}

function Icon({ path }: { path: string }) {
  return (
    <svg
      aria-hidden="true"
      viewBox="0 0 24 24"
      className="size-5 shrink-0"
      fill="none"
      stroke="currentColor"
      strokeWidth={1.6}
      strokeLinecap="round"
      strokeLinejoin="round"
    >
      <path d={path} />
    </svg>
  );
}
