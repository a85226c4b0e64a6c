// The readings checks the renderer may import to mirror the core's checks for immediate feedback
// (pure functions, no Node): the core stays authoritative and repeats them before any submission.
export {
  checkReading,
  EXPIRING_SOON_DAYS,
  formatNumber,
  formatReading,
  HIGH_CONSUMPTION_RATIO,
  type MeterForCheck,
  type ReadingCheck,
  type ReadingProblem,
  type ReadingProblemKind,
} from './reading-checks';
