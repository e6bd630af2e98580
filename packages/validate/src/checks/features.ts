// Features: every required bit supported by the payer, every dependency set.
import { featureBitOf, featureDependencies } from '@lninvoice/core';
import { issue, type ValidationIssue } from '../issues.js';
import type { Check } from './types.js';

export const checkFeatures: Check = (invoice, policy) => {
  const found: ValidationIssue[] = [];
  const set = new Set(invoice.features.map((f) => f.bit & ~1));
  for (const feature of invoice.features) {
    const label = feature.name ? `${feature.name} (bit ${feature.bit})` : `bit ${feature.bit}`;
    for (const dependency of featureDependencies(feature.bit)) {
      if (!set.has(featureBitOf(dependency) as number)) {
        found.push(
          issue(
            'missing-feature-dependency',
            `${label} needs ${dependency}, which the invoice does not set`,
          ),
        );
      }
    }
    if (
      feature.required &&
      policy.supportedFeatures &&
      !policy.supportedFeatures.has(feature.bit)
    ) {
      found.push(
        issue(
          'unsupported-feature',
          `the invoice requires ${label}, which the payer does not support`,
        ),
      );
    }
  }
  return found;
};
