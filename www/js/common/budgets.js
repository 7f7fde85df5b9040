// budgets.js — the page's budgets against hostile files: the same limits as the
// core's (src/budget.rs; a test keeps the values equal), the error that names
// the one hit, and the largest message checked, which the Limits panel raises.
//
// A budget hit skips that file (or that member) with a clear error; the rest of
// a batch goes on.

import { PhraseError } from './phrase-error.js';

export const MAX_MESSAGE_BYTES = 256 * 1024 * 1024;
export const MAX_ZIP_MEMBERS = 1000000;
export const MAX_ZIP_NESTING = 8;
export const MAX_ZIP_INFLATION_RATIO = 100;
export const ZIP_INFLATION_ALLOWANCE = 64 * 1024 * 1024;

/** The bytes a zip file of `size` bytes may inflate to, the zips inside it included. */
export function maxZipInflatedBytes(size) {
  return ZIP_INFLATION_ALLOWANCE + size * MAX_ZIP_INFLATION_RATIO;
}

/** The catalog id of what each budget counts. */
const WHAT = {
  message_size: 'budget-what-message-bytes',
  zip_members: 'budget-what-zip-members',
  zip_nesting: 'budget-what-zip-nesting',
  zip_inflated_bytes: 'budget-what-zip-inflated-bytes',
};

/** `1234567` as `1,234,567`. */
export function group(n) {
  return Math.round(n).toString().replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/**
 * The budget error of the core, as a message {id, args} (see i18n.js): "N what: more
 * than the M allowed (limit code)".
 */
export function exceeded(code, max, found) {
  const what = { id: WHAT[code] || 'detail-as-given', args: WHAT[code] ? {} : { text: code } };
  return found == null
    ? { id: 'budget-exceeded', args: { max, what, code } }
    : { id: 'budget-exceeded-found', args: { found, what, max, code } };
}

/** A budget hit that ends the whole dropped file (its zips' members, nested zips...). */
export class BudgetError extends PhraseError {}

const SETTING = 'dkimcheck.maxMessageMB';
let sessionMB = null; // set in this page even where storage is disabled

/** The largest message checked, in bytes: the Limits panel's setting, or the default. */
export function maxMessageBytes() {
  if (sessionMB != null) return sessionMB * 1024 * 1024;
  try {
    const mb = Number(globalThis.localStorage?.getItem(SETTING));
    if (Number.isFinite(mb) && mb >= 1) return Math.floor(mb) * 1024 * 1024;
  } catch { /* storage may be disabled (file://, private mode): the default */ }
  return MAX_MESSAGE_BYTES;
}

/** Remember the largest message checked, in megabytes (null: back to the default). */
export function setMaxMessageMB(mb) {
  sessionMB = mb == null || !(mb >= 1) ? null : Math.floor(mb);
  try {
    if (mb == null || !(mb >= 1)) globalThis.localStorage?.removeItem(SETTING);
    else globalThis.localStorage?.setItem(SETTING, String(Math.floor(mb)));
  } catch { /* not remembered beyond this page */ }
}

/** The error for a message over the size budget, with how to raise it: a message {id, args}. */
export function tooLarge(size, max = maxMessageBytes()) {
  return { id: 'input-too-large', args: { why: exceeded('message_size', max, size) } };
}
