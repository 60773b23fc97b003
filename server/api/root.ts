import { authRouter } from './routers/auth';
import { companyRouter } from './routers/company';
import { contractRouter } from './routers/contract';
import { menuRouter } from './routers/menu';
import { notificationRouter } from './routers/notification';
import { reportRouter } from './routers/report';
import { serviceDayRouter } from './routers/service-day';
import { statementRouter } from './routers/statement';
import { userRouter } from './routers/user';
import { createCallerFactory, router } from './trpc';

export const appRouter = router({
  auth: authRouter,
  company: companyRouter,
  contract: contractRouter,
  menu: menuRouter,
  notification: notificationRouter,
  report: reportRouter,
  serviceDay: serviceDayRouter,
  statement: statementRouter,
  user: userRouter,
});

export type AppRouter = typeof appRouter;

/** Server-side caller (React Server Components, scripts, tests). */
export const createCaller = createCallerFactory(appRouter);
