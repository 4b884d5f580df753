"use client";

import { AppLink } from "@/components/ui/app-link";
import { usePathname } from "next/navigation";
import type { ReactNode } from "react";

/** A link that marks itself current when the path is at or below `match` (default: its href). */
export function NavLink({
  href,
  match,
  className,
  activeClassName,
  inactiveClassName,
  children,
}: {
  href: string;
  match?: string;
  className: string;
  activeClassName: string;
  inactiveClassName: string;
  children: ReactNode;
}) {
  const pathname = usePathname();
  const prefix = match ?? href;
  const active = pathname === prefix || pathname.startsWith(`${prefix}/`);
  return (
    <AppLink href={href} aria-current={active ? "page" : undefined} className={`${className} ${active ? activeClassName : inactiveClassName}`}>
      {children}
    </AppLink>
  );
}
