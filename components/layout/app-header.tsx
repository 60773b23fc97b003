'use client';
import Link from 'next/link';
import { usePathname } from 'next/navigation';
import { useState } from 'react';
import { cn } from '@/components/ui/cn';
import { loadAuthClient } from '@/lib/auth-client';
import type { CompanyType, UserRole } from '@/lib/enums';
import { NotificationBell } from './notification-bell';

type Props = { companyName: string; companyType: CompanyType; email: string; role: UserRole };

const NAV = [
  { href: '/dashboard', label: 'Dashboard' },
  { href: '/contracts', label: 'Contracts' },
  { href: '/service-days', label: 'Service days' },
  { href: '/menus', label: 'Menus' },
  { href: '/production', label: 'Production', catererOnly: true },
  { href: '/calendar', label: 'Calendar' },
  { href: '/reports', label: 'Reports' },
  { href: '/statements', label: 'Statements' },
  { href: '/settings', label: 'Settings' },
  { href: '/users', label: 'Users', adminOnly: true },
  { href: '/sessions', label: 'Sessions' },
];

export function AppHeader({ companyName, companyType, email, role }: Props) {
  const pathname = usePathname();
  const [open, setOpen] = useState(false);
  return (
    <header className="border-b border-slate-200 bg-white print:hidden">
      <div className="mx-auto flex max-w-6xl flex-wrap items-center justify-between gap-3 px-4 py-3 sm:px-6">
        <div className="flex items-center gap-3">
          <Link href="/dashboard" className="text-lg font-bold text-emerald-800">
            ChefOps
          </Link>
          <span className="hidden text-sm text-slate-600 sm:inline" data-testid="company-name">
            {companyName}
            <span className="ml-2 rounded bg-slate-100 px-1.5 py-0.5 text-xs text-slate-700">
              {companyType === 'CATERING' ? 'Caterer' : 'Client'}
            </span>
          </span>
          <NotificationBell />
        </div>
        <button
          type="button"
          className="rounded-md border border-slate-300 px-3 py-1.5 text-sm sm:hidden"
          aria-expanded={open}
          aria-controls="main-nav"
          onClick={() => setOpen((v) => !v)}
        >
          Menu
        </button>
        <nav id="main-nav" aria-label="Main" className={cn('w-full sm:flex sm:w-auto sm:items-center sm:gap-1', open ? 'block' : 'hidden')}>
          {NAV.filter((item) => (!('adminOnly' in item) || role === 'ADMIN') && (!('catererOnly' in item) || companyType === 'CATERING')).map((item) => (
            <Link
              key={item.href}
              href={item.href}
              aria-current={pathname.startsWith(item.href) ? 'page' : undefined}
              className={cn(
                'block rounded-md px-3 py-2 text-sm font-medium',
                pathname.startsWith(item.href) ? 'bg-emerald-50 text-emerald-900' : 'text-slate-700 hover:bg-slate-100',
              )}
            >
              {item.label}
            </Link>
          ))}
          <span className="block px-3 py-2 text-xs text-slate-600 sm:hidden">
            {companyName} · {email} ({role.toLowerCase()})
          </span>
          <button
            type="button"
            onClick={async () => (await loadAuthClient()).signOut({ callbackUrl: '/login' })}
            className="block w-full rounded-md px-3 py-2 text-left text-sm font-medium text-slate-700 hover:bg-slate-100 sm:w-auto"
            title={email}
          >
            Sign out
          </button>
        </nav>
      </div>
    </header>
  );
}
