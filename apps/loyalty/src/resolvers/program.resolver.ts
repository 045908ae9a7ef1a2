import type { Resolvers } from '../generated/graphql';
import { privilegeValueToText } from '@rekindle/loyalty-core';

export const programResolvers: Resolvers = {
  LoyaltyProgram: {
    version: (version) => version.version,
    createdAt: (version) => version.createdAt,
    reason: (version) => version.reason,
    tiers: (version) => version.program.tiers,
    demotion: (version) => version.program.demotion,
    pointsPerUnit: (version) => version.program.pointsPerUnit,
    birthdayMultiplier: (version) => version.program.birthdayMultiplier,
    pointsExpiryMonths: (version) => version.program.pointsExpiryMonths,
  },
  LoyaltyPrivilege: {
    value: (privilege) => privilegeValueToText(privilege.value),
  },
};
