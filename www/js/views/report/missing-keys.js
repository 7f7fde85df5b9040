// missing-keys.js — the "no key" prompt: one inline key form per signature whose
// key is unknown.

import { h } from '../../common/dom.js';
import { keyForm } from '../../keys/key-form.js';
import { recordName } from '../../keys/keystore.js';
import { assessmentOf, missingKeys } from '../../common/reports.js';

/**
 * One prompt + inline form per signature whose key is unknown.
 * @param {(input)=>Promise<string|void>} onAddKey  see key-form.js
 */
export function renderMissingKeys(report, { onAddKey, remember = true, tr } = {}) {
  const missing = missingKeys(report);
  if (!missing.length || !onAddKey) return null;
  const seen = new Set();
  const unique = missing.filter((s) => {
    const k = recordName(s.selector, s.domain);
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
  // The banner may already say that no key is known; then only ask for the record.
  const bannerSaysIt = report.headline?.main?.id === 'headline-no-key';
  const forms = unique.map((s) => {
    const name = recordName(s.selector, s.domain);
    const prompt = h('p', null, tr.t(bannerSaysIt ? 'missing-key-paste' : 'missing-key-unknown', { name }));
    return h('div', { class: 'missing-key' }, prompt,
      keyForm({ selector: s.selector || '', domain: s.domain || '', remember, onSubmit: onAddKey, tr }));
  });
  if (assessmentOf(report).status === 'verified') {
    // Another signature already verified: offer the form without shouting.
    return h('details', { class: 'missing-keys quiet' },
      h('summary', null, tr.t('missing-keys-others', { count: unique.length, names: [...seen].join(', ') })),
      forms);
  }
  return h('section', { class: 'missing-keys' }, forms);
}
