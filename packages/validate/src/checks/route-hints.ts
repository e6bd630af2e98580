// The fees and CLTV delta a route hint adds to the payment: BOLT 11's `r` routes and BOLT 12's
// `invoice_blindedpay`, both written by the payee. A payee (or whoever edits the invoice) can ask
// any u32 fee there; a payer bounds what it accepts, as wallets bound a route's fees.
import { issue, type ValidationIssue } from '../issues.js';
import type { CheckedPolicy } from '../policy.js';
import type { Check, Found } from './types.js';

/** What a route hint adds in total, over all its hops (BOLT 12: one blinded path's pay info). */
export interface RouteCost {
  readonly feeBaseMsat: number;
  readonly feeProportionalMillionths: number;
  readonly cltvExpiryDelta: number;
}

/**
 * The ceilings a payer applies unless it gives its own: 50 sat of base fee, 1% (10 000 ppm) and
 * 2016 blocks (lnd's limit on a whole route's CLTV: a hint above it leaves no room for the route).
 */
export const ROUTE_HINT_LIMITS = {
  maxRouteHintFeeBaseMsat: 50_000,
  maxRouteHintFeePpm: 10_000,
  maxRouteHintCltvDelta: 2016,
} as const;

/** A BOLT 11 route's cost: the sum over its hops. */
const routeCost = (hops: readonly RouteCost[]): RouteCost => ({
  feeBaseMsat: hops.reduce((sum, hop) => sum + hop.feeBaseMsat, 0),
  feeProportionalMillionths: hops.reduce((sum, hop) => sum + hop.feeProportionalMillionths, 0),
  cltvExpiryDelta: hops.reduce((sum, hop) => sum + hop.cltvExpiryDelta, 0),
});

/** The findings about each route's cost, `what` naming a route for messages ("route hint 0"). */
export const routeCostIssues = (
  routes: readonly RouteCost[],
  policy: CheckedPolicy,
  what: (index: number) => string,
  found: Found,
): ValidationIssue[] => {
  const maxBase = policy.maxRouteHintFeeBaseMsat ?? ROUTE_HINT_LIMITS.maxRouteHintFeeBaseMsat;
  const maxPpm = policy.maxRouteHintFeePpm ?? ROUTE_HINT_LIMITS.maxRouteHintFeePpm;
  const maxCltv = policy.maxRouteHintCltvDelta ?? ROUTE_HINT_LIMITS.maxRouteHintCltvDelta;
  return routes.flatMap((route, i) => {
    const issues: ValidationIssue[] = [];
    const { feeBaseMsat: base, feeProportionalMillionths: ppm, cltvExpiryDelta: cltv } = route;
    if (base > maxBase || ppm > maxPpm)
      issues.push(
        found(
          'route-hint-fee-too-large',
          `${what(i)} asks a fee of ${base} msat + ${ppm} ppm, more than the ${maxBase} msat + ${maxPpm} ppm accepted`,
        ),
      );
    if (cltv > maxCltv)
      issues.push(
        found(
          'route-hint-cltv-delta-too-large',
          `${what(i)} adds a CLTV delta of ${cltv} blocks, more than the ${maxCltv} accepted`,
        ),
      );
    return issues;
  });
};

export const checkRouteHints: Check = (invoice, policy) =>
  routeCostIssues(
    invoice.routeHints.map(routeCost),
    policy,
    (i) => `route hint ${i}`,
    (code, message) => issue(code, message),
  );
