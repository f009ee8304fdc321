/**
 * Pasted JSON: one document, or several pasted one after another (the pages of a paged API such
 * as Grafana OnCall's users list), which come back as an array of the documents. Anything else is
 * refused with JSON.parse's own message about the first document, which is what a person fixes.
 */
export function parseJsonDocuments(text: string): { ok: true; value: unknown } | { ok: false; message: string } {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch (failure) {
    const pieces = splitTopLevel(text);
    if (pieces && pieces.length > 1) {
      try {
        return { ok: true, value: pieces.map((piece) => JSON.parse(piece) as unknown) };
      } catch {
        // Fall through to the message about the text as a whole.
      }
    }
    return { ok: false, message: (failure as Error).message };
  }
}

/** The top-level `{…}` / `[…]` values of the text, or null when something else sits between them. */
function splitTopLevel(text: string): string[] | null {
  const pieces: string[] = [];
  let depth = 0;
  let start = -1;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (inString) {
      if (c === '\\') i++;
      else if (c === '"') inString = false;
      continue;
    }
    if (c === '"') {
      if (depth === 0) return null;
      inString = true;
    } else if (c === '{' || c === '[') {
      if (depth === 0) start = i;
      depth++;
    } else if (c === '}' || c === ']') {
      depth--;
      if (depth < 0) return null;
      if (depth === 0) pieces.push(text.slice(start, i + 1));
    } else if (depth === 0 && !/\s|,/.test(c ?? '')) {
      return null;
    }
  }
  return depth === 0 ? pieces : null;
}
