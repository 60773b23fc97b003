import { createHash } from 'node:crypto';
import type { NotificationCategory } from '@/lib/enums';
import { formatDate, formatDay, formatDeadline, formatMoney, formatMonth, formatNotice, formatWeekdayList, formatWeekdayTime } from '@/lib/format';
import { DEADLINE_TERMS } from '@/lib/schemas/contract-terms';
import { linkToken } from '@/server/auth/tokens';
import { EVENT_CATEGORIES, type CompanyEventType, type EmailOnlyEventType, type OutboxEvent, type ProposalTerms } from '@/server/outbox/events';

/**
 * What one event says to one company's people: the same words in the bell and in the e-mail,
 * written for the reader (their zone, their counterpart). `path` is app-relative.
 */
export type EventContent = { title: string; body: string; path: string; category: NotificationCategory; actionLabel: string };

/** A company as messages name it: its name and time zone. */
export type CompanyInfo = { name: string; timeZone: string };
export type CompanyDirectory = Record<string, CompanyInfo>;
/** Per contract id, how to tell it apart when its pair of companies has several ("contract from 2 Mar 2026"). */
export type ContractLabels = Record<string, string | undefined>;

export type MessageContext = {
  /** The company whose people read the message. */
  readerCompanyId: string;
  companies: CompanyDirectory;
  contracts?: ContractLabels;
  now: Date;
};

/**
 * One e-mail to one person, as the email handler records it. The sender renders it (HTML and
 * text from one template) when it sends it.
 */
export type EmailMessage = {
  to: string;
  subject: string;
  heading: string;
  body: string;
  action: { label: string; url: string } | null;
  /** The preferences page for this message's category; null for account e-mails (always sent). */
  unsubscribeUrl: string | null;
  category: NotificationCategory | null;
  messageId: string;
  /** The action URL carries a single-use token (cleared from the delivery once finished). */
  secretLink?: boolean;
};

const meals = (n: number) => `${n} ${n === 1 ? 'meal' : 'meals'}`;
const UTC = 'UTC';

export function contractPath(contractId: string): string {
  return `/contracts/${encodeURIComponent(contractId)}`;
}

export function serviceDaysPath(params: { contractId?: string; from: string; to: string }): string {
  const q = new URLSearchParams();
  if (params.contractId) q.set('contractId', params.contractId);
  q.set('from', params.from);
  q.set('to', params.to);
  return `/service-days?${q.toString()}`;
}

export const PREFERENCES_PATH = '/settings/notifications';

export function preferencesPath(category?: NotificationCategory): string {
  return category ? `${PREFERENCES_PATH}?category=${category}` : PREFERENCES_PATH;
}

function nameOf(ctx: MessageContext, companyId: string | null | undefined, fallback: string): string {
  return (companyId && ctx.companies[companyId]?.name) || fallback;
}

function zoneOf(ctx: MessageContext, companyId: string): string {
  return ctx.companies[companyId]?.timeZone ?? UTC;
}

function confirmationDueContent(event: OutboxEvent<'service_day.confirmation_due'>, ctx: MessageContext): EventContent {
  const p = event.payload;
  const days = [...p.days].sort((a, b) => a.deadline.localeCompare(b.deadline) || a.serviceDate.localeCompare(b.serviceDate));
  const readerZone = zoneOf(ctx, ctx.readerCompanyId);
  const clientZone = zoneOf(ctx, p.clientId);
  const caterers = [...new Set(days.map((d) => d.cateringId))];
  const contractIds = [...new Set(days.map((d) => d.contractId))];
  const first = new Date(days[0]!.deadline);
  const count = days.length;
  const forWhom = caterers.length === 1 ? ` for ${nameOf(ctx, caterers[0], 'your caterer')}` : '';
  const lines = days.map((d) => {
    const label = ctx.contracts?.[d.contractId];
    const from = `${nameOf(ctx, d.cateringId, 'your caterer')}${label ? `, ${label}` : ''}`;
    const by = formatDeadline(new Date(d.deadline), { reader: readerZone, deadline: clientZone }, { now: ctx.now });
    return `- ${formatDay(d.serviceDate)} (${from}): confirm by ${by}`;
  });
  const dates = days.map((d) => d.serviceDate).sort();
  return {
    title: `Confirm ${count} ${count === 1 ? 'day' : 'days'}${forWhom} by ${formatWeekdayTime(first, readerZone)}`,
    body: [
      'Please confirm how many people will eat on these days before their deadline. After the deadline the current count is locked.',
      ...lines,
    ].join('\n'),
    path: serviceDaysPath({ contractId: contractIds.length === 1 ? contractIds[0] : undefined, from: dates[0]!, to: dates[dates.length - 1]! }),
    category: 'reminders',
    actionLabel: count === 1 ? 'Confirm the meal count' : 'Confirm the meal counts',
  };
}

/**
 * A proposal's terms in one sentence each, so the client can decide from the message alone:
 * days, quantities, price and currency, notice (on the client's clock), period.
 */
export function proposalTermsText(terms: ProposalTerms, clientTimeZone: string): string {
  return [
    `- Service days: ${formatWeekdayList(terms.serviceDays)}, delivery at ${terms.deliveryTime} (${clientTimeZone})`,
    `- Meals per day: ${terms.defaultQuantity} by default, between ${terms.minDailyQuantity} and ${terms.maxQuantity}`,
    `- Price: ${formatMoney(terms.pricePerMealCents, terms.currency)} per meal (${terms.currency})`,
    `- Meal counts due: ${formatNotice(terms.notice, clientTimeZone)}`,
    `- Period: ${formatDate(terms.startDate)} to ${formatDate(terms.endDate)} (the last possible service date)`,
    ...(terms.lateReductionChargePercent !== undefined
      ? [`- Meals removed by a change after the deadline: billed at ${terms.lateReductionChargePercent} % of the price`]
      : []),
  ].join('\n');
}

export function statementPath(statementId: string): string {
  return `/statements/${encodeURIComponent(statementId)}`;
}

function statementIssuedContent(event: OutboxEvent<'statement.issued'>, ctx: MessageContext): EventContent {
  const { cateringId, statementId, number, month, totals } = event.payload;
  const them = nameOf(ctx, cateringId, 'Your caterer');
  const amounts = totals.map((t) => formatMoney(t.grossCents, t.currency)).join(' + ') || formatMoney(0, 'EUR');
  return {
    title: `Statement ${number} from ${them}: ${amounts}`,
    body: `${them} issued statement ${number} for ${formatMonth(month)}, ${amounts} including VAT. Open it to see the days and meals it bills, or download the PDF.`,
    path: statementPath(statementId),
    category: 'statements',
    actionLabel: 'Open the statement',
  };
}

/** In-app and e-mail content of a contract or service-day event, for the reader's company. */
export function eventContent(event: OutboxEvent<CompanyEventType>, ctx: MessageContext): EventContent {
  if (event.eventType === 'service_day.confirmation_due') return confirmationDueContent(event, ctx);
  if (event.eventType === 'statement.issued') return statementIssuedContent(event, ctx);
  const { contractId, cateringId, clientId, actorCompanyId } = event.payload;
  const counterpartId = ctx.readerCompanyId === cateringId ? clientId : cateringId;
  const them = nameOf(ctx, counterpartId, 'The other party');
  const label = ctx.contracts?.[contractId];
  /** "your contract with Acme Corp (contract from Mon, 2 Mar 2026)" */
  const withThem = `your contract with ${them}${label ? ` (${label})` : ''}`;
  const actor = actorCompanyId ? nameOf(ctx, actorCompanyId, them) : null;
  const category = EVENT_CATEGORIES[event.eventType]!;
  const contract = { path: contractPath(contractId), category, actionLabel: 'Open the contract' };
  const dayPath = (date: string) => serviceDaysPath({ contractId, from: date, to: date });
  const day = (date: string) => ({ path: dayPath(date), category, actionLabel: 'Open the service day' });
  const notice = 'notice' in event.payload ? event.payload.notice : undefined;
  switch (event.eventType) {
    case 'contract.created': {
      const due = notice ? ` Meal counts are due ${formatNotice(notice, zoneOf(ctx, clientId))}.` : '';
      return {
        title: `Review the new contract with ${them}`,
        body: `${actor ?? 'ChefOps'} created a catering contract with you${label ? ` (${label})` : ''}. Review its terms and service days.${due}`,
        ...contract,
      };
    }
    case 'contract.proposed':
      return {
        title: `Review the contract proposed by ${them}`,
        body:
          `${actor ?? them} proposes a catering contract to you${label ? ` (${label})` : ''}. ` +
          `Nothing is planned or billed until your administrator accepts it.\n${proposalTermsText(event.payload.terms, zoneOf(ctx, clientId))}`,
        ...contract,
        actionLabel: 'Review the proposal',
      };
    case 'contract.accepted': {
      const n = event.payload.generatedServiceDays;
      return {
        title: `${them} accepted your contract proposal`,
        body:
          `${actor ?? them} accepted ${withThem}: it is active, and ${n} ${n === 1 ? 'service day is' : 'service days are'} planned.\n` +
          proposalTermsText(event.payload.terms, zoneOf(ctx, clientId)),
        ...contract,
      };
    }
    case 'contract.declined':
      return {
        title: `${them} declined your contract proposal`,
        body: `${actor ?? them} declined the proposal of ${withThem}. Reason: ${event.payload.reason}`,
        ...contract,
      };
    case 'contract.withdrawn':
      return {
        title: `${them} withdrew its contract proposal`,
        body: `${actor ?? them} withdrew the proposal of ${withThem}. There is nothing to accept any more.`,
        ...contract,
      };
    case 'contract.updated': {
      const { changed } = event.payload;
      const terms = changed.length > 0 ? ` (${changed.join(', ')})` : '';
      const deadlinesMoved = notice && DEADLINE_TERMS.some((k) => changed.includes(k));
      const due = deadlinesMoved ? ` Meal counts are now due ${formatNotice(notice, zoneOf(ctx, clientId))}.` : '';
      return { title: `Check the new terms of your contract with ${them}`, body: `${actor ?? 'ChefOps'} changed the terms${terms} of ${withThem}.${due}`, ...contract };
    }
    case 'contract.paused':
      return {
        title: `Contract with ${them} paused`,
        body: `${actor ?? 'ChefOps'} paused ${withThem}. Future service days that were not confirmed yet are cancelled (${event.payload.removedServiceDays}).`,
        ...contract,
      };
    case 'contract.resumed':
      return { title: `Contract with ${them} resumed`, body: `${actor ?? 'ChefOps'} resumed ${withThem}. Service days will be scheduled again.`, ...contract };
    case 'contract.terminated':
      return {
        title: `Contract with ${them} terminated`,
        body: `${actor ?? 'ChefOps'} terminated ${withThem}. Future service days that were not confirmed yet are cancelled (${event.payload.removedServiceDays}).`,
        ...contract,
      };
    case 'service_day.expected_confirmed': {
      const { serviceDate, quantity, previousQuantity } = event.payload;
      const was = previousQuantity !== quantity ? ` (was ${previousQuantity})` : '';
      return {
        title: `Prepare ${meals(quantity)} for ${them} on ${formatDay(serviceDate)}`,
        body: `${actor ?? them} confirmed ${meals(quantity)}${was} for ${formatDay(serviceDate)} on ${withThem}.`,
        ...day(serviceDate),
      };
    }
    case 'service_day.expected_auto_locked': {
      const { serviceDate, expectedQuantity } = event.payload;
      const readerIsCaterer = ctx.readerCompanyId === cateringId;
      return {
        title: readerIsCaterer
          ? `Prepare ${meals(expectedQuantity)} for ${them} on ${formatDay(serviceDate)}`
          : `Meal count for ${formatDay(serviceDate)} with ${them} locked at ${expectedQuantity}`,
        body: `The confirmation deadline for ${formatDay(serviceDate)} has passed, so the count on ${withThem} is locked at ${meals(expectedQuantity)}.`,
        ...day(serviceDate),
      };
    }
    case 'service_day.served_confirmed': {
      const { serviceDate, servedQuantity, expectedQuantity } = event.payload;
      return {
        title: `Check ${meals(servedQuantity)} served by ${them} on ${formatDay(serviceDate)}`,
        body:
          `${actor ?? them} confirmed ${meals(servedQuantity)} served on ${formatDay(serviceDate)} (${expectedQuantity} expected) on ${withThem}. ` +
          'If this is wrong, you can dispute it within 7 days.',
        ...day(serviceDate),
      };
    }
    case 'service_day.served_corrected': {
      const { serviceDate, previousServedQuantity, servedQuantity, note } = event.payload;
      return {
        title: `${them} corrected the served count for ${formatDay(serviceDate)}: ${previousServedQuantity} → ${servedQuantity}`,
        body:
          `${actor ?? them} corrected the served count for ${formatDay(serviceDate)} on ${withThem} from ${previousServedQuantity} to ${meals(servedQuantity)}. ` +
          `Reason: ${note}. If this is wrong, you can dispute it within 7 days of the first confirmation.`,
        ...day(serviceDate),
      };
    }
    case 'service_day.disputed': {
      const { serviceDate, reason } = event.payload;
      return {
        title: `Resolve ${them}'s dispute for ${formatDay(serviceDate)}`,
        body: `${actor ?? them} disputed the served count for ${formatDay(serviceDate)} on ${withThem}. Reason: ${reason}`,
        ...day(serviceDate),
      };
    }
    case 'service_day.cancelled': {
      const { days, reason } = event.payload;
      const dates = days.map((d) => d.serviceDate).sort();
      const named = dates.map((d) => formatDay(d));
      const list = named.length === 1 ? named[0]! : `${named.slice(0, -1).join(', ')} and ${named.at(-1)}`;
      const n = dates.length;
      return {
        title: `${n === 1 ? 'Service day' : `${n} service days`} with ${them} cancelled: ${list}`,
        body:
          `${actor ?? them} is closed on ${list} (${reason}), so no meals are planned then on ${withThem}. ` +
          `${n === 1 ? 'The day is' : 'These days are'} cancelled and cost nothing.`,
        path: serviceDaysPath({ contractId, from: dates[0]!, to: dates.at(-1)! }),
        category,
        actionLabel: n === 1 ? 'Open the service day' : 'Open the service days',
      };
    }
    case 'menu.updated': {
      const dates = [...event.payload.dates].sort();
      const named = dates.map((d) => formatDay(d));
      const list = named.length === 1 ? named[0]! : `${named.slice(0, -1).join(', ')} and ${named.at(-1)}`;
      return {
        title: `${them} updated the menu for ${list}`,
        body: `${actor ?? them} published or changed the menu of ${withThem} for ${list}. See the dishes, their diets and allergens beside your meal counts.`,
        path: serviceDaysPath({ contractId, from: dates[0]!, to: dates.at(-1)! }),
        category,
        actionLabel: 'See the menu',
      };
    }
    case 'service_day.change_requested': {
      const { serviceDate, quantity, previousQuantity, reason } = event.payload;
      return {
        title: `${them} asks for ${meals(quantity)} on ${formatDay(serviceDate)} (was ${previousQuantity})`,
        body:
          `After the deadline, ${actor ?? them} asks to change the count for ${formatDay(serviceDate)} on ${withThem} ` +
          `from ${previousQuantity} to ${meals(quantity)}. Reason: ${reason}. Accept or decline it before delivery.`,
        ...day(serviceDate),
        actionLabel: 'Answer the change request',
      };
    }
    case 'service_day.change_answered': {
      const { serviceDate, quantity, previousQuantity, accepted, note } = event.payload;
      const why = note ? ` Note: ${note}` : '';
      return {
        title: accepted
          ? `${them} accepted ${meals(quantity)} for ${formatDay(serviceDate)}`
          : `${them} declined the change for ${formatDay(serviceDate)}: it stays ${meals(previousQuantity)}`,
        body: accepted
          ? `${actor ?? them} accepted your change for ${formatDay(serviceDate)} on ${withThem}: ${previousQuantity} → ${meals(quantity)}.${why}`
          : `${actor ?? them} declined your change to ${meals(quantity)} for ${formatDay(serviceDate)} on ${withThem}; the count stays ${previousQuantity}.${why}`,
        ...day(serviceDate),
      };
    }
    case 'service_day.dispute_resolved': {
      const { serviceDate, servedQuantity, note } = event.payload;
      return {
        title: `${them} resolved the dispute for ${formatDay(serviceDate)}: ${meals(servedQuantity)}`,
        body: `${actor ?? them} resolved the dispute for ${formatDay(serviceDate)} on ${withThem}: ${meals(servedQuantity)} served. Note: ${note}`,
        ...day(serviceDate),
      };
    }
  }
}

/**
 * Stable Message-ID per (event, recipient): a retried send carries the same id, so mail systems
 * and people can recognise it as the same message.
 */
export function messageIdFor(eventId: string, recipient: string): string {
  const hash = createHash('sha256').update(recipient.trim().toLowerCase()).digest('hex').slice(0, 16);
  return `<${eventId}.${hash}@chefops>`;
}

export const absoluteUrl = (appUrl: string, path: string) => `${appUrl.replace(/\/+$/, '')}${path}`;

/** The e-mail one company user receives about a contract or service-day event. */
export function eventEmail(event: { id: string }, content: EventContent, to: string, appUrl: string): EmailMessage {
  return {
    to,
    subject: content.title,
    heading: content.title,
    body: content.body,
    action: { label: content.actionLabel, url: absoluteUrl(appUrl, content.path) },
    unsubscribeUrl: absoluteUrl(appUrl, preferencesPath(content.category)),
    category: content.category,
    messageId: messageIdFor(event.id, to),
  };
}

type AccountEvent = { id: string; aggregateId: string } & OutboxEvent<EmailOnlyEventType>;

/** The link's token: derived from the aggregate (the link's row); older events carried it. */
function tokenOf(event: AccountEvent, kind: 'invitation' | 'password-reset'): string {
  return ('token' in event.payload ? event.payload.token : undefined) ?? linkToken(kind, event.aggregateId);
}

/** The path a client invitation's link opens: the register page, pre-filled from the invitation. */
export function clientInvitationPath(token: string): string {
  return `/register?token=${encodeURIComponent(token)}`;
}

function clientInvitationEmail(event: AccountEvent & { eventType: 'contract.client_invited' }, appUrl: string): EmailMessage {
  const p = event.payload;
  const caterer = p.cateringName || 'A caterer';
  const link = absoluteUrl(appUrl, clientInvitationPath(linkToken('client-invitation', event.aggregateId)));
  return {
    to: p.email,
    subject: `${caterer} proposes a catering contract to ${p.companyName}`,
    heading: `${caterer} invites ${p.companyName} to ChefOps`,
    body:
      `${p.invitedByEmail || caterer} proposes a catering contract to ${p.companyName} on ChefOps, where you confirm each day's meal count ` +
      `and see what it costs. Register your company from the link below to review the proposal and accept or decline it; ` +
      `nothing is planned or billed until you accept.\n${proposalTermsText(p.terms, p.timeZone)}\n\n` +
      'The link works once and for 7 days. If you did not expect this, you can ignore this email.',
    action: { label: 'Register and review the proposal', url: link },
    unsubscribeUrl: null,
    category: null,
    messageId: messageIdFor(event.id, p.email),
    secretLink: true,
  };
}

function invitationEmail(event: AccountEvent & { eventType: 'user.invited' }, appUrl: string): EmailMessage {
  const p = event.payload;
  const company = p.companyName || 'a company';
  const who = p.invitedByEmail || 'An administrator';
  const base = { to: p.email, messageId: messageIdFor(event.id, p.email), unsubscribeUrl: null, category: null };
  if (p.existingAccount) {
    return {
      ...base,
      subject: `${company} invited you to ChefOps`,
      heading: `${company} invited you to ChefOps`,
      body:
        `${who} invited you to join ${company} on ChefOps, but this address already has a ChefOps account, ` +
        `and an address can belong to one account only. To join ${company}, ask them to invite another address of yours.\n\n` +
        'If you did not expect this, you can ignore this email.',
      action: { label: 'Sign in to your account', url: absoluteUrl(appUrl, '/login') },
    };
  }
  const link = absoluteUrl(appUrl, `/accept-invitation?token=${encodeURIComponent(tokenOf(event, 'invitation'))}`);
  return {
    ...base,
    subject: `You are invited to join ${company} on ChefOps`,
    heading: `Join ${company} on ChefOps`,
    body:
      `${who} invited you to join ${company} on ChefOps as ${p.role.toLowerCase()}. Choose your password to accept the invitation.\n\n` +
      'The link works once. If you did not expect this invitation, you can ignore this email.',
    action: { label: 'Accept the invitation', url: link },
    secretLink: true,
  };
}

/** The invitation or password-reset email, addressed to the email in the payload. */
export function accountEmail(event: AccountEvent, appUrl: string): EmailMessage {
  if (event.eventType === 'user.invited') return invitationEmail(event, appUrl);
  if (event.eventType === 'contract.client_invited') return clientInvitationEmail(event, appUrl);
  const p = event.payload;
  const link = absoluteUrl(appUrl, `/reset-password?token=${encodeURIComponent(tokenOf(event, 'password-reset'))}`);
  return {
    to: p.email,
    subject: 'Reset your ChefOps password',
    heading: 'Reset your password',
    body:
      'Someone asked to reset the password of your ChefOps account. To choose a new password, open the link below.\n\n' +
      'The link is valid for 15 minutes and works once. If you did not ask for this, ignore this email; your password stays the same.',
    action: { label: 'Choose a new password', url: link },
    unsubscribeUrl: null,
    category: null,
    messageId: messageIdFor(event.id, p.email),
    secretLink: true,
  };
}
