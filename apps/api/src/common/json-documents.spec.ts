import { parseJsonDocuments } from './json-documents';

describe('parseJsonDocuments', () => {
  it('reads one document as it is', () => {
    expect(parseJsonDocuments('{"results": [1]}')).toEqual({ ok: true, value: { results: [1] } });
  });

  it('reads pages pasted one after another as a list of them, braces inside strings included', () => {
    const pages = '{"next": "…?page=2", "results": [{"id": "U1", "name": "a } b"}]}\n\n{"next": null, "results": [{"id": "U2"}]}';
    expect(parseJsonDocuments(pages)).toEqual({ ok: true, value: [{ next: '…?page=2', results: [{ id: 'U1', name: 'a } b' }] }, { next: null, results: [{ id: 'U2' }] }] });
  });

  it('refuses anything else with JSON.parse’s message', () => {
    const broken = parseJsonDocuments('{"results": ');
    expect(broken.ok).toBe(false);
    expect(parseJsonDocuments('{"a": 1} trailing {"b": 2}').ok).toBe(false);
    expect(parseJsonDocuments('{"a": 1} {"b": ').ok).toBe(false);
  });
});
