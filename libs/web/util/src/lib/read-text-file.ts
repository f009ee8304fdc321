/** What a file input gave: nothing chosen, a file over the size cap, or its text. */
export type ChosenTextFile = { kind: 'none' } | { kind: 'too-large'; name: string; kilobytes: number } | { kind: 'text'; name: string; text: string };

/**
 * Reads the file picked in an `<input type="file">` as text, refusing one over `maxBytes` before
 * reading it: a wrong file chosen by mistake (a video, a database dump) would otherwise freeze the
 * page while it fills a text box.
 */
export async function readChosenTextFile(event: Event, maxBytes: number): Promise<ChosenTextFile> {
  const file = (event.target as HTMLInputElement | null)?.files?.[0];
  if (!file) return { kind: 'none' };
  if (file.size > maxBytes) return { kind: 'too-large', name: file.name, kilobytes: Math.round(file.size / 1000) };
  return { kind: 'text', name: file.name, text: await file.text() };
}
