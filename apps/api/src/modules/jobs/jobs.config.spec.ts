import { ConfigError } from '../../config/app-config';
import { readJobTickMs } from './jobs.config';

describe('readJobTickMs', () => {
  it('is null when unset, so every job keeps its own interval', () => {
    expect(readJobTickMs({})).toBeNull();
    expect(readJobTickMs({ SHIFTDESK_JOB_TICK_MS: ' ' })).toBeNull();
  });

  it('reads whole milliseconds from 200 to a day', () => {
    expect(readJobTickMs({ SHIFTDESK_JOB_TICK_MS: '1000' })).toBe(1000);
    expect(readJobTickMs({ SHIFTDESK_JOB_TICK_MS: '200' })).toBe(200);
  });

  it.each(['199', '1.5', '1s', '-5', '86400001'])('refuses %s, naming the variable and the range', (raw) => {
    expect(() => readJobTickMs({ SHIFTDESK_JOB_TICK_MS: raw })).toThrow(ConfigError);
    expect(() => readJobTickMs({ SHIFTDESK_JOB_TICK_MS: raw })).toThrow(/SHIFTDESK_JOB_TICK_MS: .* from 200 to 86400000/);
  });
});
