import { Injectable, Logger } from '@nestjs/common';

type Listener = (teamId: string) => Promise<void>;

/**
 * Writers (shifts, rotations, overrides, coverage rules, settings) call `changed(teamId)` after
 * committing; listeners (the gap scan) react. The write's answer waits for the listeners so a
 * client that reads alerts right after a write sees them up to date; a failing listener is
 * logged, never turned into a failed write (the hourly scan catches up).
 */
@Injectable()
export class ScheduleChanges {
  private readonly logger = new Logger('ScheduleChanges');
  private readonly listeners: Listener[] = [];

  subscribe(listener: Listener): void {
    this.listeners.push(listener);
  }

  async changed(teamId: string): Promise<void> {
    for (const listener of this.listeners) {
      try {
        await listener(teamId);
      } catch (error) {
        this.logger.error(`after a change to team ${teamId}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
      }
    }
  }
}
