'use client';
import * as DropdownMenu from '@radix-ui/react-dropdown-menu';
import clsx from 'clsx';
import Link from 'next/link';
import { usePathname } from 'next/navigation';
import type { ComponentType, SVGProps } from 'react';
import { AccountIcon, ArrayIcon, ChevronDownIcon, CopyIcon, DashboardIcon, EventsIcon, ServersIcon, UsersIcon, VolumeIcon } from '@/components/ui/icons';
import { MENU_CONTENT_CLASSES, MENU_ITEM_CLASSES } from '@/components/ui/menu-classes';
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
  { href: '/servers', label: 'Servers', icon: ServersIcon },
  { href: '/users', label: 'Users', icon: UsersIcon, access: 'admin' },
  { href: '/account', label: 'Account', icon: AccountIcon },
];

function isActive(pathname: string, href: string): boolean {
  return href === '/' ? pathname === '/' : pathname === href || pathname.startsWith(`${href}/`);
}

function useNavItems(): NavItem[] {
  const user = useSessionUser();
  return NAV_ITEMS.filter((item) => item.access === undefined || (user !== null && roleMay(user.role, item.access)));
}

export function NavLinks() {
  const pathname = usePathname();
  const items = useNavItems();
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

/**
 * The navigation on a phone: eight links do not fit beside the brand at 390 px, and a strip that
 * scrolls sideways hides most of them without a cue. One button names the page you are on and
 * opens every page as a menu (Radix: arrow keys, Escape, focus returns to the button).
 */
export function NavMenu() {
  const pathname = usePathname();
  const items = useNavItems();
  const current = items.find((item) => isActive(pathname, item.href));
  return (
    <DropdownMenu.Root modal={false}>
      <DropdownMenu.Trigger className="inline-flex h-7.5 items-center gap-1.5 rounded border border-line px-2 text-[13px] text-fg hover:bg-surface-hover">
        <span>Menu</span>
        {current !== undefined && <span className="font-medium text-accent">· {current.label}</span>}
        <ChevronDownIcon className="shrink-0 text-fg-muted" />
      </DropdownMenu.Trigger>
      <DropdownMenu.Portal>
        <DropdownMenu.Content align="end" sideOffset={4} className={MENU_CONTENT_CLASSES}>
          {items.map(({ href, label, icon: Icon }) => {
            const active = isActive(pathname, href);
            return (
              <DropdownMenu.Item key={href} asChild className={clsx(MENU_ITEM_CLASSES, active && 'font-medium text-accent')}>
                <Link href={href} aria-current={active ? 'page' : undefined}>
                  <Icon className="shrink-0" /> {label}
                </Link>
              </DropdownMenu.Item>
            );
          })}
        </DropdownMenu.Content>
      </DropdownMenu.Portal>
    </DropdownMenu.Root>
  );
}
