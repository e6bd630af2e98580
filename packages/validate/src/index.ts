export { type Bolt12ValidationResult, validateBolt12 } from './bolt12/validate-bolt12.js';
export {
  type CheckResult,
  check,
  type Decision,
  type InstructionSource,
  type NextStep,
  type PaymentFormat,
  type PaymentOption,
  type PaymentSummary,
} from './check/check.js';
export { decodeIssue } from './decode-rules.js';
export { formatIssues } from './format.js';
export {
  ISSUES,
  type Severity,
  VALIDATION_ISSUE_CODES,
  type ValidationCode,
  type ValidationIssue,
  type ValidationIssueCode,
} from './issues.js';
export type { ValidationPolicy } from './policy.js';
export { assertValid, ValidationError, type ValidationResult, validate } from './validate.js';
