'use client';
import clsx from 'clsx';
import Link from 'next/link';
import { usePathname } from 'next/navigation';
import type { ComponentType, SVGProps } from 'react';
import { AccountIcon, ArrayIcon, CopyIcon, DashboardIcon, EventsIcon, UsersIcon, VolumeIcon } from '@/components/ui/icons';
import { roleMay, type Access } from '@/lib/auth/roles';
import { useSessionUser } from '@/lib/client/session';

interface NavItem {
  href: string;
  label: string;
  icon: ComponentType<SVGProps<SVGSVGElement>>;
  /** Shown only to roles holding this access (the page and its API refuse the others anyway). */
  access?: Access;
}

export const NAV_ITEMS: NavItem[] = [
  { href: '/', label: 'Dashboard', icon: DashboardIcon },
  { href: '/arrays', label: 'Arrays', icon: ArrayIcon },
  { href: '/volumes', label: 'Volumes', icon: VolumeIcon },
  { href: '/copies', label: 'Copies', icon: CopyIcon },
  { href: '/events', label: 'Events', icon: EventsIcon },
  { href: '/users', label: 'Users', icon: UsersIcon, access: 'admin' },
  { href: '/account', label: 'Account', icon: AccountIcon },
];

function isActive(pathname: string, href: string): boolean {
  return href === '/' ? pathname === '/' : pathname === href || pathname.startsWith(`${href}/`);
}

export function NavLinks() {
  const pathname = usePathname();
  const user = useSessionUser();
  const items = NAV_ITEMS.filter((item) => item.access === undefined || (user !== null && roleMay(user.role, item.access)));
  return (
    <ul className="flex gap-0.5 md:flex-col">
      {items.map(({ href, label, icon: Icon }) => {
        const active = isActive(pathname, href);
        return (
          <li key={href}>
            <Link
              href={href}
              aria-current={active ? 'page' : undefined}
              className={clsx(
                'flex h-7.5 items-center gap-2 rounded px-2 text-[13px]',
                active ? 'bg-accent-soft font-medium text-accent' : 'text-fg-muted hover:bg-surface-hover hover:text-fg',
              )}
            >
              <Icon className="shrink-0" />
              <span>{label}</span>
            </Link>
          </li>
        );
      })}
    </ul>
  );
}
