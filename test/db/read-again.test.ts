import { describe, expect, it } from '@jest/globals';
import { ConnectionError, ValidationError } from 'sequelize';
import { readAgainIfUnavailable } from '../../db/read-again.js';

const unavailable = () => new ConnectionError(Object.assign(new Error('Connection terminated unexpectedly'), { code: 'ECONNRESET' }));

describe('readAgainIfUnavailable', () => {
  it('reads again after the database was unavailable, and answers what the fresh read found', async () => {
    let calls = 0;
    const answer = await readAgainIfUnavailable(
      async () => {
        calls += 1;
        if (calls < 3) throw unavailable();
        return 'rows';
      },
      3,
      1,
    );
    expect(answer).toBe('rows');
    expect(calls).toBe(3);
  });

  it('gives up after its attempts with the database error itself', async () => {
    let calls = 0;
    const read = readAgainIfUnavailable(
      async () => {
        calls += 1;
        throw unavailable();
      },
      2,
      1,
    );
    await expect(read).rejects.toBeInstanceOf(ConnectionError);
    expect(calls).toBe(2);
  });

  it('never repeats a read that failed for another reason', async () => {
    let calls = 0;
    const read = readAgainIfUnavailable(async () => {
      calls += 1;
      throw new ValidationError('bad', []);
    });
    await expect(read).rejects.toBeInstanceOf(ValidationError);
    expect(calls).toBe(1);
  });
});
