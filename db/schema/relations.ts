import { relations } from 'drizzle-orm';
import { clientOfficeDays, clientProfiles, cateringProfiles, companies, users } from './companies';
import { contractServiceDays, contracts, serviceDays } from './contracts';

export const companiesRelations = relations(companies, ({ one, many }) => ({
  cateringProfile: one(cateringProfiles),
  clientProfile: one(clientProfiles),
  officeDays: many(clientOfficeDays),
  users: many(users),
}));

export const cateringProfilesRelations = relations(cateringProfiles, ({ one }) => ({
  company: one(companies, { fields: [cateringProfiles.companyId], references: [companies.id] }),
}));

export const clientProfilesRelations = relations(clientProfiles, ({ one }) => ({
  company: one(companies, { fields: [clientProfiles.companyId], references: [companies.id] }),
}));

export const clientOfficeDaysRelations = relations(clientOfficeDays, ({ one }) => ({
  company: one(companies, { fields: [clientOfficeDays.companyId], references: [companies.id] }),
}));

export const usersRelations = relations(users, ({ one }) => ({
  company: one(companies, { fields: [users.companyId], references: [companies.id] }),
}));

export const contractsRelations = relations(contracts, ({ one, many }) => ({
  catering: one(companies, { fields: [contracts.cateringId], references: [companies.id], relationName: 'catering' }),
  client: one(companies, { fields: [contracts.clientId], references: [companies.id], relationName: 'client' }),
  serviceDays: many(contractServiceDays),
  days: many(serviceDays),
}));

export const contractServiceDaysRelations = relations(contractServiceDays, ({ one }) => ({
  contract: one(contracts, { fields: [contractServiceDays.contractId], references: [contracts.id] }),
}));

export const serviceDaysRelations = relations(serviceDays, ({ one }) => ({
  contract: one(contracts, { fields: [serviceDays.contractId], references: [contracts.id] }),
}));
