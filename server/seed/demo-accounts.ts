import type { CompanyType, UserRole, WorkMode } from '@/lib/enums';

/** Every demo user signs in with this password (printed on start, listed in the README). */
export const DEMO_PASSWORD = 'chefops-demo';

type DemoCompany = {
  key: string;
  name: string;
  email: string;
  companyType: CompanyType;
  timezone: string;
  currency?: string;
  dailyCapacity?: number;
  workMode?: WorkMode;
  /** ISO weekdays the office is closed (clients). */
  closedDays?: number[];
  users: { email: string; role: UserRole }[];
};

const team = (domain: string, roles: UserRole[]) => roles.map((role) => ({ email: `${role.toLowerCase()}@${domain}`, role }));

export const DEMO_COMPANIES: DemoCompany[] = [
  {
    key: 'tasty',
    name: 'Tasty Kitchen Catering',
    email: 'admin@tastykitchen.demo',
    companyType: 'CATERING',
    timezone: 'Europe/Warsaw',
    currency: 'PLN',
    dailyCapacity: 400,
    users: team('tastykitchen.demo', ['ADMIN', 'MANAGER', 'EMPLOYEE']),
  },
  {
    key: 'greenfork',
    name: 'Green Fork Meals',
    email: 'admin@greenfork.demo',
    companyType: 'CATERING',
    timezone: 'America/New_York',
    currency: 'USD',
    dailyCapacity: 150,
    users: team('greenfork.demo', ['ADMIN', 'MANAGER']),
  },
  {
    key: 'acme',
    name: 'Acme Corp',
    email: 'admin@acme.demo',
    companyType: 'CLIENT',
    timezone: 'Europe/Warsaw',
    workMode: 'HYBRID',
    closedDays: [6, 7],
    users: team('acme.demo', ['ADMIN', 'MANAGER', 'EMPLOYEE']),
  },
  {
    key: 'globex',
    name: 'Globex Software',
    email: 'admin@globex.demo',
    companyType: 'CLIENT',
    timezone: 'Europe/Warsaw',
    workMode: 'ONSITE',
    closedDays: [6, 7],
    users: team('globex.demo', ['ADMIN', 'MANAGER']),
  },
  {
    key: 'initech',
    name: 'Initech',
    email: 'admin@initech.demo',
    companyType: 'CLIENT',
    timezone: 'America/New_York',
    workMode: 'REMOTE',
    closedDays: [5, 6, 7],
    users: team('initech.demo', ['ADMIN', 'EMPLOYEE']),
  },
];
