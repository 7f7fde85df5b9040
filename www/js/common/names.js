// names.js — what a file's name says: its extension, read as the core reads it.

/**
 * A name's extension as the core reads it (src/message/input.rs `extension`): after the last '.'
 * (not a leading one) of the last part of the name ('/', '\\', or '!' before a zip member),
 * lower-cased.
 */
export function extension(name) {
  const base = name.slice(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\'), name.lastIndexOf('!')) + 1);
  const dot = base.lastIndexOf('.');
  return dot > 0 ? base.slice(dot + 1).toLowerCase() : '';
}

/** Whether `name` is an archive of messages by its extension (a zip or an mbox), not a message. */
export function isArchive(name) {
  const ext = extension(name || '');
  return ext === 'zip' || ext === 'mbox';
}
