import { readChosenTextFile } from './read-text-file';

/** jsdom's File has no text(); the function needs only a file's name, size and text. */
function fakeFile(name: string, content: string): File & { text: jest.Mock } {
  return { name, size: new TextEncoder().encode(content).length, text: jest.fn(async () => content) } as unknown as File & { text: jest.Mock };
}

function chosen(files: File[]): Event {
  const input = document.createElement('input');
  input.type = 'file';
  Object.defineProperty(input, 'files', { value: files });
  const event = new Event('change');
  input.dispatchEvent(event);
  return event;
}

describe('readChosenTextFile', () => {
  it('reads the chosen file as text', async () => {
    const file = fakeFile('agents.csv', 'name,email\nAnna,anna@example.com\n');
    await expect(readChosenTextFile(chosen([file]), 1000)).resolves.toEqual({ kind: 'text', name: 'agents.csv', text: 'name,email\nAnna,anna@example.com\n' });
  });

  it('refuses a file over the cap without reading it, giving its size in kB', async () => {
    const file = fakeFile('dump.sql', 'x'.repeat(4500));
    await expect(readChosenTextFile(chosen([file]), 4000)).resolves.toEqual({ kind: 'too-large', name: 'dump.sql', kilobytes: 5 });
    expect(file.text).not.toHaveBeenCalled();
  });

  it('says nothing was chosen when the picker was cancelled', async () => {
    await expect(readChosenTextFile(chosen([]), 1000)).resolves.toEqual({ kind: 'none' });
  });
});
