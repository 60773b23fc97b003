import { createHash } from 'node:crypto';
import { linkToken } from '@/server/auth/tokens';
import { formatInstant } from '@/server/domain/deadline';
import type { CompanyEventType, EmailOnlyEventType, EventPayload, OutboxEvent } from '@/server/outbox/events';

/** What one event says to a person: the same words in the bell and in the email. */
export type EventContent = { title: string; body: string; /** app-relative, e.g. /contracts/<id> */ path: string };
export type EmailMessage = { to: string; subject: string; text: string; messageId: string };
/** Company names by id, so a message can say who acted. */
export type CompanyNames = Record<string, string>;

const meals = (n: number) => `${n} ${n === 1 ? 'meal' : 'meals'}`;

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

function confirmationDueContent(p: EventPayload<'service_day.confirmation_due'>, names: CompanyNames): EventContent {
  const days = [...p.days].sort((a, b) => a.serviceDate.localeCompare(b.serviceDate));
  const dates = days.map((d) => d.serviceDate);
  const contractIds = [...new Set(days.map((d) => d.contractId))];
  const lines = days.map((d) => {
    const caterer = names[d.cateringId] ? ` from ${names[d.cateringId]}` : '';
    return `- ${d.serviceDate}${caterer}: confirm by ${formatInstant(new Date(d.deadline))}`;
  });
  const count = days.length;
  return {
    title: `${count} ${count === 1 ? 'day needs' : 'days need'} your meal count soon`,
    body: [
      `Please confirm how many people will eat on these days before their deadline. After the deadline the current count is locked.`,
      ...lines,
    ].join('\n'),
    path: serviceDaysPath({
      contractId: contractIds.length === 1 ? contractIds[0] : undefined,
      from: dates[0]!,
      to: dates[dates.length - 1]!,
    }),
  };
}

/** In-app and email content for contract and service-day events. */
export function eventContent(event: OutboxEvent<CompanyEventType>, names: CompanyNames = {}): EventContent {
  if (event.eventType === 'service_day.confirmation_due') return confirmationDueContent(event.payload, names);
  const { contractId, actorCompanyId } = event.payload;
  const who = (actorCompanyId && names[actorCompanyId]) || 'The other party';
  const contract = contractPath(contractId);
  const dayPath = (date: string) => serviceDaysPath({ contractId, from: date, to: date });
  switch (event.eventType) {
    case 'contract.created':
      return { title: 'New catering contract', body: `${who} created a catering contract with you. Review its terms and service days.`, path: contract };
    case 'contract.updated':
      return { title: 'Contract terms changed', body: `${who} changed the terms of your catering contract.`, path: contract };
    case 'contract.paused':
      return { title: 'Contract paused', body: `${who} paused your catering contract. Future service days that were not confirmed yet are cancelled.`, path: contract };
    case 'contract.resumed':
      return { title: 'Contract resumed', body: `${who} resumed your catering contract. Service days will be scheduled again.`, path: contract };
    case 'contract.terminated':
      return { title: 'Contract terminated', body: `${who} terminated your catering contract. Future service days that were not confirmed yet are cancelled.`, path: contract };
    case 'service_day.expected_confirmed': {
      const { serviceDate: date, quantity } = event.payload;
      return { title: `Meal count confirmed for ${date}`, body: `${who} confirmed ${meals(quantity)} for ${date}.`, path: dayPath(date) };
    }
    case 'service_day.expected_auto_locked': {
      const { serviceDate: date, expectedQuantity } = event.payload;
      return {
        title: `Meal count locked for ${date}`,
        body: `The confirmation deadline for ${date} has passed, so the count is locked at ${meals(expectedQuantity)}.`,
        path: dayPath(date),
      };
    }
    case 'service_day.served_confirmed': {
      const { serviceDate: date, servedQuantity } = event.payload;
      return {
        title: `Served meals confirmed for ${date}`,
        body: `${who} confirmed ${meals(servedQuantity)} served on ${date}. If this is wrong, you can dispute it within 7 days.`,
        path: dayPath(date),
      };
    }
    case 'service_day.disputed': {
      const { serviceDate: date, reason } = event.payload;
      return { title: `Served count disputed for ${date}`, body: `${who} disputed the served count for ${date}. Reason: ${reason}`, path: dayPath(date) };
    }
    case 'service_day.cancelled': {
      const { days, reason } = event.payload;
      const dates = days.map((d) => d.serviceDate).sort();
      const list = dates.length === 1 ? dates[0]! : `${dates.slice(0, -1).join(', ')} and ${dates.at(-1)}`;
      return {
        title: `${dates.length === 1 ? 'Service day' : `${dates.length} service days`} cancelled: ${list}`,
        body: `${who} is closed on ${list} (${reason}), so no meals are planned then. ${dates.length === 1 ? 'The day is' : 'These days are'} cancelled and cost nothing.`,
        path: serviceDaysPath({ contractId, from: dates[0]!, to: dates.at(-1)! }),
      };
    }
    case 'service_day.dispute_resolved': {
      const { serviceDate: date, servedQuantity, note } = event.payload;
      return {
        title: `Dispute resolved for ${date}`,
        body: `${who} resolved the dispute for ${date}: ${meals(servedQuantity)} served. Note: ${note}`,
        path: dayPath(date),
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

const absolute = (appUrl: string, path: string) => `${appUrl.replace(/\/+$/, '')}${path}`;

/** The email one company user receives about a contract or service-day event. */
export function eventEmail(event: { id: string } & OutboxEvent<CompanyEventType>, to: string, appUrl: string, names: CompanyNames = {}): EmailMessage {
  const content = eventContent(event, names);
  return {
    to,
    subject: `ChefOps: ${content.title}`,
    text: `Hello,\n\n${content.body}\n\nOpen in ChefOps: ${absolute(appUrl, content.path)}\n\nYou receive this email as an administrator or manager in ChefOps.\n`,
    messageId: messageIdFor(event.id, to),
  };
}

type AccountEvent = { id: string; aggregateId: string } & OutboxEvent<EmailOnlyEventType>;

/** The link's token: derived from the aggregate (the link's row); older events carried it. */
function tokenOf(event: AccountEvent, kind: 'invitation' | 'password-reset'): string {
  return event.payload.token ?? linkToken(kind, event.aggregateId);
}

function invitationEmail(event: AccountEvent & { eventType: 'user.invited' }, appUrl: string): EmailMessage {
  const p = event.payload;
  const company = p.companyName || 'a company';
  const who = p.invitedByEmail || 'An administrator';
  const base = { to: p.email, messageId: messageIdFor(event.id, p.email) };
  if (p.existingAccount) {
    return {
      ...base,
      subject: `${company} invited you to ChefOps`,
      text:
        `Hello,\n\n${who} invited you to join ${company} on ChefOps, but this address already has a ChefOps account, ` +
        `and an address can belong to one account only. To join ${company}, ask them to invite another address of yours. ` +
        `Sign in to your account: ${absolute(appUrl, '/login')}\n\nIf you did not expect this, you can ignore this email.\n`,
    };
  }
  const link = absolute(appUrl, `/accept-invitation?token=${encodeURIComponent(tokenOf(event, 'invitation'))}`);
  return {
    ...base,
    subject: `You are invited to join ${company} on ChefOps`,
    text:
      `Hello,\n\n${who} invited you to join ${company} on ChefOps as ${p.role.toLowerCase()}.\n\n` +
      `Choose your password to accept the invitation: ${link}\n\nThe link works once. If you did not expect this invitation, you can ignore this email.\n`,
  };
}

/** The invitation or password-reset email, addressed to the email in the payload. */
export function accountEmail(event: AccountEvent, appUrl: string): EmailMessage {
  if (event.eventType === 'user.invited') return invitationEmail(event, appUrl);
  const p = event.payload;
  const link = absolute(appUrl, `/reset-password?token=${encodeURIComponent(tokenOf(event, 'password-reset'))}`);
  return {
    to: p.email,
    subject: 'Reset your ChefOps password',
    text:
      `Hello,\n\nSomeone asked to reset the password of your ChefOps account. To choose a new password, open: ${link}\n\n` +
      `The link is valid for 15 minutes and works once. If you did not ask for this, ignore this email; your password stays the same.\n`,
    messageId: messageIdFor(event.id, p.email),
  };
}
