import { describe, expect, it } from 'vitest';
import { ufaDateTime } from './date-formats';

describe('ufaDateTime', () => {
  it('gives the wall date and time in Ufa (UTC+5 all year)', () => {
    expect(ufaDateTime('2026-11-20T19:30:00Z')).toEqual({ date: '2026-11-21', time: '00:30' });
    expect(ufaDateTime('2026-07-01T04:05:00Z')).toEqual({ date: '2026-07-01', time: '09:05' });
  });
});
