// phrase-error.js — an Error that carries a catalog message {id, args}, so that
// whoever shows it words it in the reader's language (see i18n.js).

export class PhraseError extends Error {
  constructor(id, args) {
    super(id);
    this.phrase = { id, args: args || {} };
  }
}

/** What an error says, as a message: its own phrase, or its text as given. */
export function phraseOf(e) {
  if (e && e.phrase) return e.phrase;
  return { id: 'detail-as-given', args: { text: e && e.message ? e.message : String(e) } };
}
