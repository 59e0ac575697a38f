"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";

/** Navigation links that mark the current page for assistive technology and the eye. */
export function NavLinks({ items }: { items: ReadonlyArray<{ href: string; label: string }> }) {
  const pathname = usePathname();
  return (
    <ul>
      {items.map((item) => (
        <li key={item.href}>
          <Link href={item.href} aria-current={pathname === item.href ? "page" : undefined}>
            {item.label}
          </Link>
        </li>
      ))}
    </ul>
  );
}
