// The BOLT 12 findings: the code of the same failure as for BOLT 11 (one code, one meaning), the
// field by its BOLT 12 name, and the BOLT 12 rule where BOLT 11's sentence would be the wrong one.
// The codes only BOLT 12 has carry their BOLT 12 rule in ISSUES itself.
import { ISSUES, type ValidationIssue, type ValidationIssueCode } from '../issues.js';

const B = 'BOLT 12';

/** The BOLT 12 rule of the codes whose ISSUES rule quotes BOLT 11. */
export const BOLT12_RULES: Partial<Readonly<Record<ValidationIssueCode, string>>> = {
  'network-mismatch': `${B}: "if the node does not accept invoices for at least one of the \`chains\`: MUST NOT respond to the offer" (bitcoin when \`offer_chains\` is not set); "MUST reject the invoice if \`invreq_chain\`.\`chain\` is not a supported chain"`,
  expired: `${B}: "if the current time is after \`offer_absolute_expiry\`: MUST NOT respond to the offer"; "MUST reject the invoice if the current time since 1970-01-01 UTC is greater than \`invoice_created_at\` plus \`seconds_from_creation\`" (plus 7200 without \`invoice_relative_expiry\`)`,
  'expiry-unchecked': `${B}: "if the current time is after \`offer_absolute_expiry\`: MUST NOT respond to the offer"; "MUST reject the invoice if the current time … is greater than \`invoice_created_at\` plus \`seconds_from_creation\`" — pass \`now\` to check it`,
  'timestamp-in-future': `${B}: "MUST set \`invoice_created_at\` to the number of seconds since Midnight 1 January 1970, UTC when the invoice was created" — beyond the clock skew allowed, a clock is wrong`,
  'amount-unspecified': `${B}: "if \`offer_amount\` is not present: MUST specify \`invreq_amount\`" — the payer chooses how much to pay`,
  'description-control-characters': `${B}: \`offer_description\` and \`offer_issuer\` are the issuer's text, shown to the payer — control characters can rewrite a terminal or hide text`,
  'description-bidi-characters': `${B}: \`offer_description\` and \`offer_issuer\` are the issuer's text, shown to the payer — bidirectional overrides can show text in another order than it is written`,
  'description-invisible-characters': `${B}: \`offer_description\` and \`offer_issuer\` are the issuer's text, shown to the payer — invisible characters make different texts look the same`,
};

/** A BOLT 12 finding of `code` about `field` (its BOLT 12 name). */
export const issue12 = (
  code: ValidationIssueCode,
  field: string,
  message: string,
): ValidationIssue => ({
  code,
  severity: ISSUES[code].severity,
  message,
  field,
  rule: BOLT12_RULES[code] ?? ISSUES[code].rule,
});
