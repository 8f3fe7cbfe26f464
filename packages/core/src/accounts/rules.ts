/** Passwords: at least this long, and not on the common list (see schema.ts). */
export const PASSWORD_MIN_LENGTH = 10;
