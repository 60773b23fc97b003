import { createHash } from 'node:crypto';
import type { ConfirmationDuePayload, InvitationPayload, PasswordResetPayload } from '@/server/outbox/payloads';
import { formatInstant } from '@/server/domain/deadline';

/** What one event says to a person: the same words in the bell and in the email. */
export type EventContent = { title: string; body: string; /** app-relative, e.g. /contracts/<id> */ path: string };
export type EmailMessage = { to: string; subject: string; text: string; messageId: string };
export type OutboxEventLike = { id: string; eventType: string; payload: Record<string, unknown> };
/** Company names by id, so a message can say who acted. */
export type CompanyNames = Record<string, string>;

const str = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : undefined);
const num = (v: unknown): number | undefined => (typeof v === 'number' && Number.isFinite(v) ? v : undefined);
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

function confirmationDueContent(p: ConfirmationDuePayload, names: CompanyNames): EventContent {
  const days = [...(p.days ?? [])].sort((a, b) => a.serviceDate.localeCompare(b.serviceDate));
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
      from: dates[0] ?? '',
      to: dates[dates.length - 1] ?? '',
    }),
  };
}

/** In-app and email content for contract and service-day events. */
export function eventContent(eventType: string, payload: Record<string, unknown>, names: CompanyNames = {}): EventContent {
  if (eventType === 'service_day.confirmation_due') return confirmationDueContent(payload as ConfirmationDuePayload, names);
  const contractId = str(payload.contractId) ?? '';
  const actor = (str(payload.actorCompanyId) && names[payload.actorCompanyId as string]) || undefined;
  const who = actor ?? 'The other party';
  const date = str(payload.serviceDate) ?? '';
  const expected = num(payload.quantity) ?? num(payload.expectedQuantity);
  const served = num(payload.servedQuantity);
  const dayPath = date ? serviceDaysPath({ contractId, from: date, to: date }) : contractPath(contractId);
  switch (eventType) {
    case 'contract.created':
      return { title: 'New catering contract', body: `${who} created a catering contract with you. Review its terms and service days.`, path: contractPath(contractId) };
    case 'contract.updated':
      return { title: 'Contract terms changed', body: `${who} changed the terms of your catering contract.`, path: contractPath(contractId) };
    case 'contract.paused':
      return { title: 'Contract paused', body: `${who} paused your catering contract. Future service days that were not confirmed yet are cancelled.`, path: contractPath(contractId) };
    case 'contract.resumed':
      return { title: 'Contract resumed', body: `${who} resumed your catering contract. Service days will be scheduled again.`, path: contractPath(contractId) };
    case 'contract.terminated':
      return { title: 'Contract terminated', body: `${who} terminated your catering contract. Future service days that were not confirmed yet are cancelled.`, path: contractPath(contractId) };
    case 'service_day.expected_confirmed':
      return {
        title: `Meal count confirmed for ${date}`,
        body: `${who} confirmed ${expected === undefined ? 'the expected number of meals' : meals(expected)} for ${date}.`,
        path: dayPath,
      };
    case 'service_day.expected_auto_locked':
      return {
        title: `Meal count locked for ${date}`,
        body: `The confirmation deadline for ${date} has passed, so the count is locked${expected === undefined ? '' : ` at ${meals(expected)}`}.`,
        path: dayPath,
      };
    case 'service_day.served_confirmed':
      return {
        title: `Served meals confirmed for ${date}`,
        body: `${who} confirmed ${served === undefined ? 'the number of meals served' : `${meals(served)} served`} on ${date}. If this is wrong, you can dispute it within 7 days.`,
        path: dayPath,
      };
    case 'service_day.disputed': {
      const reason = str(payload.reason);
      return {
        title: `Served count disputed for ${date}`,
        body: `${who} disputed the served count for ${date}.${reason ? ` Reason: ${reason}` : ''}`,
        path: dayPath,
      };
    }
    case 'service_day.dispute_resolved': {
      const note = str(payload.note);
      return {
        title: `Dispute resolved for ${date}`,
        body: `${who} resolved the dispute for ${date}${served === undefined ? '' : `: ${meals(served)} served`}.${note ? ` Note: ${note}` : ''}`,
        path: dayPath,
      };
    }
    default:
      return { title: 'Update in ChefOps', body: `${who} made a change (${eventType}).`, path: contractId ? contractPath(contractId) : '/dashboard' };
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
export function eventEmail(event: OutboxEventLike, to: string, appUrl: string, names: CompanyNames = {}): EmailMessage {
  const content = eventContent(event.eventType, event.payload, names);
  return {
    to,
    subject: `ChefOps: ${content.title}`,
    text: `Hello,\n\n${content.body}\n\nOpen in ChefOps: ${absolute(appUrl, content.path)}\n\nYou receive this email as an administrator or manager in ChefOps.\n`,
    messageId: messageIdFor(event.id, to),
  };
}

/** The invitation or password-reset email, addressed to the email in the payload. */
export function accountEmail(event: OutboxEventLike, appUrl: string): EmailMessage {
  if (event.eventType === 'user.invited') {
    const p = event.payload as InvitationPayload;
    const link = absolute(appUrl, `/accept-invitation?token=${encodeURIComponent(p.token)}`);
    const company = p.companyName || 'a company';
    return {
      to: p.email,
      subject: `You are invited to join ${company} on ChefOps`,
      text:
        `Hello,\n\n${p.invitedByEmail || 'An administrator'} invited you to join ${company} on ChefOps as ${String(p.role ?? 'a user').toLowerCase()}.\n\n` +
        `Choose your password to accept the invitation: ${link}\n\nThe link works once. If you did not expect this invitation, you can ignore this email.\n`,
      messageId: messageIdFor(event.id, p.email),
    };
  }
  if (event.eventType === 'auth.password_reset_requested') {
    const p = event.payload as PasswordResetPayload;
    const link = absolute(appUrl, `/reset-password?token=${encodeURIComponent(p.token)}`);
    return {
      to: p.email,
      subject: 'Reset your ChefOps password',
      text:
        `Hello,\n\nSomeone asked to reset the password of your ChefOps account. To choose a new password, open: ${link}\n\n` +
        `The link is valid for 15 minutes and works once. If you did not ask for this, ignore this email; your password stays the same.\n`,
      messageId: messageIdFor(event.id, p.email),
    };
  }
  throw new Error(`No account email for event type ${event.eventType}`);
}
