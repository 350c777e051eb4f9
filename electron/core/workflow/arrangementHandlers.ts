import type { arrangementMethods } from '../../../shared/contract/methods/arrangements';
import type { Handler } from '../handlers';
import { continueArrangement, createArrangement, endArrangement, getArrangement, listArrangements, proposeArrangement } from './arrangements';

/** The arrangement methods (shared/contract/methods/arrangements.ts) bound to their services. */
export const arrangementHandlers: { [M in keyof typeof arrangementMethods]: Handler<M> } = {
  'arrangements.propose': (input, ctx) => proposeArrangement(ctx, input),
  'arrangements.create': (input, ctx) => createArrangement(ctx, input),
  'arrangements.list': (input, ctx) => listArrangements(ctx, input.debtorId),
  'arrangements.get': (input, ctx) => getArrangement(ctx, input.planId),
  'arrangements.end': (input, ctx) => endArrangement(ctx, input),
  'arrangements.continue': (input, ctx) => continueArrangement(ctx, input),
};
