import { signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import type { ShiftPreference } from '@shiftdesk/shared-api-contract';
import { PreferencesEditorComponent, type NewPreference, type PreferencesSource } from './preferences-editor.component';

const saved: ShiftPreference = {
  id: 'p1',
  agentId: 'a1',
  kind: 'off',
  date: null,
  weekdays: [6, 7],
  startTime: null,
  endTime: null,
  timeZone: 'Europe/Lisbon',
  strength: 'strong',
  note: 'Football club',
  createdAt: '2026-11-23T10:00:00.000Z',
  updatedAt: '2026-11-23T10:00:00.000Z',
};

/** A source that records what the editor asks and answers as told. */
function fakeSource(items: ShiftPreference[], answer: { ok: boolean; error?: string; fields?: Record<string, string> }) {
  const added: NewPreference[] = [];
  const removed: string[] = [];
  const error = signal('');
  const fieldErrors = signal<Record<string, string>>({});
  const source: PreferencesSource = {
    items: signal(items),
    loading: signal(false),
    busy: signal(false),
    error,
    fieldErrors,
    add: async (preference) => {
      added.push(preference);
      error.set(answer.error ?? '');
      fieldErrors.set(answer.fields ?? {});
      return answer.ok;
    },
    remove: async (id) => {
      removed.push(id);
      return true;
    },
  };
  return { source, added, removed };
}

async function render(source: PreferencesSource) {
  const fixture = TestBed.createComponent(PreferencesEditorComponent);
  fixture.componentRef.setInput('source', source);
  fixture.componentRef.setInput('zone', 'Europe/Lisbon');
  fixture.detectChanges();
  await fixture.whenStable();
  return { fixture, element: fixture.nativeElement as HTMLElement };
}

const byTestId = (element: HTMLElement, id: string) => element.querySelector(`[data-testid="${id}"]`) as HTMLInputElement;
function type(input: HTMLInputElement, value: string) {
  input.value = value;
  input.dispatchEvent(new Event('input'));
}

describe('PreferencesEditorComponent', () => {
  it('lists preferences in words, with the zone, and removes one', async () => {
    const { source, removed } = fakeSource([saved], { ok: true });
    const { element } = await render(source);
    expect(element.textContent).toContain('(Europe/Lisbon)');
    const item = byTestId(element, 'preference-item');
    expect(item.textContent).toContain('Every Sat, Sun, whole day');
    expect(item.textContent).toContain('Important');
    expect(item.textContent).toContain('Football club');
    (item.querySelector('button') as HTMLButtonElement).click();
    expect(removed).toEqual(['p1']);
  });

  it('says when there are none', async () => {
    const { source } = fakeSource([], { ok: true });
    const { element } = await render(source);
    expect(byTestId(element, 'preference-empty').textContent).toContain('No preferences yet');
  });

  it('sends a weekly evening wish to work, and clears the days after it is added', async () => {
    const { source, added } = fakeSource([], { ok: true });
    const { fixture, element } = await render(source);
    byTestId(element, 'preference-kind-work').click();
    byTestId(element, 'preference-weekly').click();
    fixture.detectChanges();
    byTestId(element, 'preference-day-1').click();
    byTestId(element, 'preference-day-3').click();
    byTestId(element, 'preference-whole-day').click();
    fixture.detectChanges();
    type(byTestId(element, 'preference-start'), '18:00');
    type(byTestId(element, 'preference-end'), '22:00');
    byTestId(element, 'preference-add').click();
    await fixture.whenStable();
    fixture.detectChanges();
    expect(added).toEqual([{ kind: 'work', weekdays: [1, 3], startTime: '18:00', endTime: '22:00', strength: 'normal', note: null }]);
    expect(byTestId(element, 'preference-day-1').checked).toBe(false);
  });

  it('shows the API’s messages next to the fields it names, and keeps what was typed', async () => {
    const { source, added } = fakeSource([], { ok: false, error: 'date must be today (2026-11-23, Europe/Lisbon) or later', fields: { date: 'must be today (2026-11-23, Europe/Lisbon) or later' } });
    const { fixture, element } = await render(source);
    type(byTestId(element, 'preference-date'), '2020-01-01');
    type(byTestId(element, 'preference-note'), 'Dentist');
    byTestId(element, 'preference-add').click();
    await fixture.whenStable();
    fixture.detectChanges();
    expect(added).toEqual([{ kind: 'off', date: '2020-01-01', startTime: null, endTime: null, strength: 'normal', note: 'Dentist' }]);
    expect(byTestId(element, 'preference-error').textContent).toContain('or later');
    expect(byTestId(element, 'preference-error-date').textContent).toContain('must be today');
    expect(byTestId(element, 'preference-note').value).toBe('Dentist');
  });
});
