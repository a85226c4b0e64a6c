// The terminal's heartbeat to the billing centre: who it is, which version, how deep its outbox
// is, how old the oldest pending message, and the printer's state. Sent every interval; a missed
// beat is only logged (the billing centre notices the silence itself).
import type { Logger } from '../logging/logger';

export interface HeartbeatReport {
  terminalId: string;
  version: string;
  queueDepth: number;
  oldestPendingAgeSeconds: number | null;
  printerState: string;
}

export class HeartbeatSender {
  lastSentAt: number | null = null;
  private timer: ReturnType<typeof setInterval> | undefined;

  constructor(
    private readonly send: (report: HeartbeatReport) => Promise<unknown>,
    private readonly collect: () => Promise<HeartbeatReport> | HeartbeatReport,
    private readonly logger: Logger,
    private readonly clock: () => number = Date.now,
  ) {}

  start(intervalMs: number): void {
    this.stop();
    void this.beat();
    this.timer = setInterval(() => void this.beat(), intervalMs);
    this.timer.unref?.();
  }

  stop(): void {
    clearInterval(this.timer);
    this.timer = undefined;
  }

  async beat(): Promise<boolean> {
    try {
      await this.send(await this.collect());
      this.lastSentAt = this.clock();
      return true;
    } catch (error) {
      this.logger.warn('heartbeat not delivered', { error });
      return false;
    }
  }
}
