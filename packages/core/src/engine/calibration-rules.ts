// Zod-free, so the browser can show the same thresholds (see constants.ts).

/** A verdict needs at least this many attempts with a stated confidence. */
export const CALIBRATION_MIN_ATTEMPTS = 10;
/** |bias| of at least this many points is a lean one way or the other. */
export const CALIBRATION_BIAS_THRESHOLD = 10;
