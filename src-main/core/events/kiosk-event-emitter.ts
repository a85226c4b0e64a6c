// Fans kiosk events out to their subscribers (screens, through a transport). A subscriber that
// throws is reported and skipped: one broken connection must not silence the others, nor fail the
// core code that emitted.
import type { KioskEvent, KioskEventListener, KioskEventMap, KioskEventType } from './kiosk-events';

export class KioskEventEmitter {
  // One entry per subscription, so the same function subscribed twice is two subscriptions.
  private readonly subscriptions = new Set<{ listener: KioskEventListener }>();

  constructor(private readonly onListenerError: (error: unknown, event: KioskEvent) => void = () => undefined) {}

  /** Returns the function that unsubscribes (calling it again does nothing). */
  subscribe(listener: KioskEventListener): () => void {
    const subscription = { listener };
    this.subscriptions.add(subscription);
    return () => {
      this.subscriptions.delete(subscription);
    };
  }

  emit<K extends KioskEventType>(type: K, data: KioskEventMap[K]): void {
    this.publish({ type, data } as KioskEvent);
  }

  /** Passes on an event as it came (e.g. from another emitter). */
  publish(event: KioskEvent): void {
    // A copy: a listener may unsubscribe (or subscribe) while it is told.
    for (const { listener } of [...this.subscriptions]) {
      try {
        listener(event);
      } catch (error) {
        this.onListenerError(error, event);
      }
    }
  }

  get listenerCount(): number {
    return this.subscriptions.size;
  }
}
