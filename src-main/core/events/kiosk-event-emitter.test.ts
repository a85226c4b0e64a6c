import { describe, expect, it } from 'vitest';
import { KioskEventEmitter } from './kiosk-event-emitter';
import { isKioskEventType, kioskEventTypes, type KioskEvent } from './kiosk-events';

const offline = { online: false, lastContactAt: null };

describe('KioskEventEmitter', () => {
  it('tells every subscriber each event, in order, until it unsubscribes', () => {
    const emitter = new KioskEventEmitter();
    const first: KioskEvent[] = [];
    const second: KioskEvent[] = [];
    const stopFirst = emitter.subscribe((event) => first.push(event));
    emitter.subscribe((event) => second.push(event));
    emitter.emit('link', offline);
    emitter.emit('outbox', { pending: 1, rejected: 0, oldestPendingAt: '2026-03-01T09:00:00.000Z' });
    stopFirst();
    stopFirst();
    emitter.emit('restarting', { reason: 'staff' });
    expect(first.map((event) => event.type)).toEqual(['link', 'outbox']);
    expect(second).toEqual([
      { type: 'link', data: offline },
      { type: 'outbox', data: { pending: 1, rejected: 0, oldestPendingAt: '2026-03-01T09:00:00.000Z' } },
      { type: 'restarting', data: { reason: 'staff' } },
    ]);
    expect(emitter.listenerCount).toBe(1);
  });

  it('counts the same function subscribed twice as two subscriptions', () => {
    const emitter = new KioskEventEmitter();
    const seen: string[] = [];
    const listener = (event: KioskEvent) => seen.push(event.type);
    const stopOne = emitter.subscribe(listener);
    emitter.subscribe(listener);
    expect(emitter.listenerCount).toBe(2);
    emitter.emit('link', offline);
    stopOne();
    emitter.emit('link', offline);
    expect(seen).toEqual(['link', 'link', 'link']);
  });

  it('reports a subscriber that throws and still tells the others', () => {
    const failures: Array<{ error: unknown; type: string }> = [];
    const emitter = new KioskEventEmitter((error, event) => failures.push({ error, type: event.type }));
    const seen: string[] = [];
    emitter.subscribe(() => {
      throw new Error('socket gone');
    });
    emitter.subscribe((event) => seen.push(event.type));
    expect(() => emitter.emit('printer', { state: 'paper-out', paperNearEnd: false })).not.toThrow();
    expect(seen).toEqual(['printer']);
    expect(failures).toEqual([{ error: new Error('socket gone'), type: 'printer' }]);
  });

  it('lets a subscriber unsubscribe while it is told, without skipping the next one', () => {
    const emitter = new KioskEventEmitter();
    const seen: string[] = [];
    const stop = emitter.subscribe(() => {
      seen.push('first');
      stop();
    });
    emitter.subscribe(() => seen.push('second'));
    emitter.emit('link', offline);
    emitter.emit('link', offline);
    expect(seen).toEqual(['first', 'second', 'second']);
  });

  it('passes on an event from another emitter unchanged', () => {
    const inner = new KioskEventEmitter();
    const outer = new KioskEventEmitter();
    const seen: KioskEvent[] = [];
    inner.subscribe((event) => outer.publish(event));
    outer.subscribe((event) => seen.push(event));
    inner.emit('link', offline);
    expect(seen).toEqual([{ type: 'link', data: offline }]);
  });
});

describe('the event names', () => {
  it('are the allow-list of the transports', () => {
    expect([...kioskEventTypes].sort()).toEqual(['link', 'outbox', 'printer', 'restarted', 'restarting', 'snapshot']);
    expect(Object.isFrozen(kioskEventTypes)).toBe(true);
    expect(isKioskEventType('link')).toBe(true);
    expect(isKioskEventType('toString')).toBe(false);
    expect(isKioskEventType(undefined)).toBe(false);
  });
});
