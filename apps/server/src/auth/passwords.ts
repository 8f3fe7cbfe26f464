import type { Algorithm } from "@node-rs/argon2";

// Loaded on first use (a sign-up or log-in), not at start: the native module takes a while to
// open and the first answers do not need it.
let argon2: Promise<typeof import("@node-rs/argon2")> | undefined;
const lib = () => {
  argon2 ??= import("@node-rs/argon2");
  return argon2;
};
const hash = async (...args: Parameters<typeof import("@node-rs/argon2").hash>) =>
  (await lib()).hash(...args);
const verify = async (...args: Parameters<typeof import("@node-rs/argon2").verify>) =>
  (await lib()).verify(...args);

// Algorithm is an ambient const enum, which isolated modules cannot read: Argon2id is 2.
const ARGON2ID = 2 as Algorithm;

export interface PasswordHasher {
  hash(password: string): Promise<string>;
  verify(hash: string, password: string): Promise<boolean>;
  /** Burns the same time as a real verify, so an unknown email is not faster to refuse. */
  verifyDummy(password: string): Promise<void>;
}

export interface Argon2Cost {
  memoryCost: number;
  timeCost: number;
}

/** OWASP's argon2id minimum (19 MiB, 2 passes, 1 lane); tests pass a cheaper cost. */
export const PRODUCTION_COST: Argon2Cost = { memoryCost: 19_456, timeCost: 2 };

export function argon2Hasher(cost: Argon2Cost = PRODUCTION_COST): PasswordHasher {
  const options = { algorithm: ARGON2ID, parallelism: 1, ...cost };
  let dummy: Promise<string> | undefined;
  return {
    hash: (password) => hash(password, options),
    verify: async (stored, password) => {
      try {
        return await verify(stored, password);
      } catch {
        return false; // a malformed stored hash never lets anyone in
      }
    },
    verifyDummy: async (password) => {
      dummy ??= hash("not the password of anybody", options);
      await verify(await dummy, password).catch(() => false);
    },
  };
}
