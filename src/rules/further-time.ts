// The further working-time, pay-on-holidays and age rules (shared/spec/rules.md "Further
// rules"), in catalogue order.
import { childLabour } from './child-labour.js';
import { crossPlatformFatigue } from './cross-platform-fatigue.js';
import { dailyWorkTime } from './daily-work-time.js';
import { disguisedEmployment } from './disguised-employment.js';
import { holidayPay } from './holiday-pay.js';
import { minorWorker } from './minor-worker.js';
import { overtimeLimit } from './overtime-limit.js';
import { partTimeHours } from './part-time-hours.js';
import { safetyTraining } from './safety-training.js';
import type { Rule } from './types.js';
import { weeklyRest } from './weekly-rest.js';

export const TIME_RULES: Rule<any>[] = [
  dailyWorkTime,
  crossPlatformFatigue,
  weeklyRest,
  overtimeLimit,
  partTimeHours,
  holidayPay,
  disguisedEmployment,
  childLabour,
  minorWorker,
  safetyTraining,
];
