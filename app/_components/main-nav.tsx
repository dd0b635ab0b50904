"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { useEffect, useId, useRef, useState } from "react";

/**
 * The header's navigation. On a phone it folds behind a Menu button (a row of five links does not
 * fit 360 px); from the `sm` breakpoint up the panel is `display: contents`, so the links and the
 * account controls sit in the header row itself. `account` is the name and sign-out form.
 */
export function MainNav(props: { links: { href: string; label: string }[]; label: string; menuLabel: string; account: React.ReactNode }) {
  const { links, label, menuLabel, account } = props;
  const pathname = usePathname();
  const [open, setOpen] = useState(false);
  const [shownFor, setShownFor] = useState(pathname);
  const button = useRef<HTMLButtonElement>(null);
  const panelId = useId();

  // A followed link closes the menu (adjusting state while rendering, as React recommends).
  if (shownFor !== pathname) {
    setShownFor(pathname);
    setOpen(false);
  }

  useEffect(() => {
    if (!open) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== "Escape") return;
      setOpen(false);
      button.current?.focus();
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [open]);

  return (
    <>
      <button
        ref={button}
        type="button"
        className="order-2 inline-flex min-h-11 min-w-11 items-center justify-center gap-2 rounded-md border border-slate-300 px-3 text-sm font-medium text-slate-800 sm:hidden dark:border-slate-700 dark:text-slate-100"
        aria-expanded={open}
        aria-controls={panelId}
        onClick={() => setOpen((v) => !v)}
      >
        <svg aria-hidden="true" width="18" height="18" viewBox="0 0 18 18" className="stroke-current" strokeWidth="2" strokeLinecap="round">
          {open ? <path d="M4 4l10 10M14 4L4 14" /> : <path d="M2 4h14M2 9h14M2 14h14" />}
        </svg>
        {menuLabel}
      </button>
      <div id={panelId} className={`${open ? "flex" : "hidden"} order-last w-full flex-col gap-2 border-t border-slate-200 pt-2 sm:contents dark:border-slate-800`}>
        <nav aria-label={label} className="sm:order-1">
          <ul className="flex flex-col gap-1 sm:-mx-1 sm:flex-row">
            {links.map((l) => {
              const active = pathname === l.href || pathname.startsWith(`${l.href}/`);
              return (
                <li key={l.href}>
                  <Link
                    href={l.href}
                    aria-current={active ? "page" : undefined}
                    className={`flex min-h-11 items-center whitespace-nowrap rounded-md px-3 text-base font-medium sm:min-h-10 sm:text-sm ${
                      active
                        ? "bg-brand-50 text-brand-700 dark:bg-slate-800 dark:text-brand-100"
                        : "text-slate-700 hover:bg-slate-100 dark:text-slate-300 dark:hover:bg-slate-800"
                    }`}
                  >
                    {l.label}
                  </Link>
                </li>
              );
            })}
          </ul>
        </nav>
        <div className="flex items-center justify-between gap-3 sm:order-3 sm:justify-start">{account}</div>
      </div>
    </>
  );
}
