import type { Resolvers } from '../generated/graphql';
import { accountResolvers } from './account.resolver';
import { customerResolvers } from './customer.resolver';
import { mutationResolvers } from './mutation.resolver';
import { programResolvers } from './program.resolver';
import { queryResolvers } from './query.resolver';

export const resolvers: Resolvers = { ...customerResolvers, ...accountResolvers, ...programResolvers, ...queryResolvers, ...mutationResolvers };
