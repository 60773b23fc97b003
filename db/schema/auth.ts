import { char, index, pgTable, text, uuid, varchar } from 'drizzle-orm/pg-core';
import { id, tstz } from './columns';
import { companies, users } from './companies';
import { contracts } from './contracts';
import { userRole } from './enums';

/** Server-side sessions behind the short-lived JWT; tokens are stored as SHA-256 hex. */
export const refreshTokens = pgTable(
  'refresh_tokens',
  {
    id: id(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    tokenHash: char('token_hash', { length: 64 }).notNull().unique(),
    /** All tokens rotated from one sign-in share a family; replay revokes the family. */
    familyId: uuid('family_id').notNull(),
    expiresAt: tstz('expires_at').notNull(),
    createdAt: tstz('created_at').notNull().defaultNow(),
    lastUsedAt: tstz('last_used_at'),
    rotatedAt: tstz('rotated_at'),
    revokedAt: tstz('revoked_at'),
    userAgent: text('user_agent'),
  },
  (t) => [index('refresh_tokens_user_id_idx').on(t.userId), index('refresh_tokens_family_id_idx').on(t.familyId)],
);

export const passwordResetTokens = pgTable(
  'password_reset_tokens',
  {
    id: id(),
    email: varchar('email', { length: 255 }).notNull(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    tokenHash: char('token_hash', { length: 64 }).notNull().unique(),
    expiresAt: tstz('expires_at').notNull(),
    createdAt: tstz('created_at').notNull().defaultNow(),
    usedAt: tstz('used_at'),
  },
  (t) => [index('password_reset_tokens_user_id_idx').on(t.userId)],
);

/** An ADMIN's invitation; the user row is created when the invitee sets a password. */
export const invitations = pgTable(
  'invitations',
  {
    id: id(),
    companyId: uuid('company_id')
      .notNull()
      .references(() => companies.id),
    email: varchar('email', { length: 255 }).notNull(),
    role: userRole('role').notNull(),
    tokenHash: char('token_hash', { length: 64 }).notNull().unique(),
    invitedById: uuid('invited_by_id')
      .notNull()
      .references(() => users.id),
    expiresAt: tstz('expires_at').notNull(),
    acceptedAt: tstz('accepted_at'),
    createdAt: tstz('created_at').notNull().defaultNow(),
  },
  (t) => [index('invitations_company_id_idx').on(t.companyId)],
);

/**
 * A caterer's invitation of a client company that is not on ChefOps yet, sent with a proposal:
 * single use, 7 days. `companyId` is the INVITED client company the proposal belongs to; the
 * invitee registers it through the link (auth.register {clientInvitationToken}).
 */
export const clientInvitations = pgTable(
  'client_invitations',
  {
    id: id(),
    companyId: uuid('company_id')
      .notNull()
      .references(() => companies.id),
    cateringId: uuid('catering_id')
      .notNull()
      .references(() => companies.id),
    contractId: uuid('contract_id')
      .notNull()
      .references(() => contracts.id),
    email: varchar('email', { length: 255 }).notNull(),
    companyName: varchar('company_name', { length: 255 }).notNull(),
    tokenHash: char('token_hash', { length: 64 }).notNull().unique(),
    invitedById: uuid('invited_by_id')
      .notNull()
      .references(() => users.id),
    expiresAt: tstz('expires_at').notNull(),
    usedAt: tstz('used_at'),
    createdAt: tstz('created_at').notNull().defaultNow(),
  },
  (t) => [index('client_invitations_company_id_idx').on(t.companyId)],
);
