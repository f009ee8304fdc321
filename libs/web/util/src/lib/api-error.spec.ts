import { toApiError } from './api-error';

describe('toApiError', () => {
  it('keeps the message and the per-field errors of an ApiError body', () => {
    const error = toApiError({
      status: 400,
      statusText: 'Bad Request',
      error: { statusCode: 400, error: 'Bad Request', message: 'Check the highlighted fields.', fields: [{ field: 'timeZone', message: 'Unknown time zone' }, { nope: 1 }] },
    });
    expect(error).toEqual({
      statusCode: 400,
      error: 'Bad Request',
      message: 'Check the highlighted fields.',
      fields: [{ field: 'timeZone', message: 'Unknown time zone' }],
    });
  });

  it('joins a message array and falls back to a sentence per status', () => {
    expect(toApiError({ status: 400, error: { message: ['a is wrong.', 'b is wrong.'] } }).message).toBe('a is wrong. b is wrong.');
    expect(toApiError({ status: 403, error: null }).message).toBe('You do not have access to this.');
    expect(toApiError({ status: 502, error: '<html>' }).message).toBe('The server had a problem. Please try again.');
  });

  it('explains a network failure and an unknown throw', () => {
    expect(toApiError({ status: 0, error: new Error('x') }).message).toMatch(/cannot be reached/);
    expect(toApiError(new TypeError('boom')).statusCode).toBe(0);
  });
});
