import type { Resolvers } from '../generated/graphql';
import { customerResolvers } from './customer.resolver';
import { experimentResolvers } from './experiment.resolver';
import { mutationResolvers } from './mutation.resolver';
import { queryResolvers } from './query.resolver';

export const resolvers: Resolvers = { ...experimentResolvers, ...customerResolvers, ...queryResolvers, ...mutationResolvers };
