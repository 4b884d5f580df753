import { NavLink } from "./nav-link";

export type Tab = { href: string; match?: string; label: string };

/** Route-based tabs: each tab is a link; the current one is marked with aria-current. */
export function Tabs({ label, tabs, size = "md" }: { label: string; tabs: Tab[]; size?: "md" | "sm" }) {
  const styles =
    size === "md"
      ? {
          className: "-mb-px whitespace-nowrap border-b-2 px-1 pb-3 text-sm font-medium",
          activeClassName: "border-indigo-600 text-indigo-700",
          inactiveClassName: "border-transparent text-slate-500 hover:border-slate-300 hover:text-slate-800",
        }
      : {
          className: "whitespace-nowrap rounded-md px-3 py-1.5 text-sm font-medium",
          activeClassName: "bg-slate-200/70 text-slate-900",
          inactiveClassName: "text-slate-600 hover:bg-slate-100 hover:text-slate-900",
        };
  return (
    <nav aria-label={label} className={size === "md" ? "flex gap-6" : "flex flex-wrap gap-2"}>
      {tabs.map((tab) => (
        <NavLink
          key={tab.href}
          href={tab.href}
          match={tab.match}
          {...styles}
          className={`${styles.className} focus-visible:outline-2 focus-visible:outline-indigo-600`}
        >
          {tab.label}
        </NavLink>
      ))}
    </nav>
  );
}
