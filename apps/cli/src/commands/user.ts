import { Email, type IdGenerator } from "@cando/core";
import {
  createPasswordReset,
  findUserByEmail,
  insertUserWithDomains,
  isUniqueViolation,
  listUsers,
  NO_PASSWORD,
  PASSWORD_RESET_TTL_MS,
} from "@cando/storage";
import { openExistingDatabase } from "../database";
import { CliError, EXIT_USAGE, type Output } from "../io";
import { requireUser } from "./transfer";

interface Common {
  databaseUrl: string;
  now: Date;
  stdout: Output;
  stderr: Output;
}

/** The page that takes a reset token; the token rides in the fragment, which is never sent to a server or logged. */
export function resetLink(baseUrl: string, token: string): string {
  return `${baseUrl.replace(/\/+$/, "")}/reset-password#token=${token}`;
}

export interface ResetLinkResult {
  email: string;
  link: string;
  expiresAt: string;
}

async function makeLink(
  input: Common & { baseUrl: string },
  userId: string,
  email: string,
): Promise<ResetLinkResult> {
  const db = await openExistingDatabase(input.databaseUrl, input.stderr);
  try {
    const token = await createPasswordReset(db, userId, input.now);
    return {
      email,
      link: resetLink(input.baseUrl, token),
      expiresAt: new Date(input.now.getTime() + PASSWORD_RESET_TTL_MS).toISOString(),
    };
  } finally {
    await db.destroy();
  }
}

/** `cando user reset-password --email …`: prints a one-time link, valid one hour. */
export async function runResetPassword(
  input: Common & { email: string; baseUrl: string },
): Promise<ResetLinkResult> {
  const db = await openExistingDatabase(input.databaseUrl, input.stderr);
  let user: { id: string; email: string };
  try {
    user = await requireUser(db, input.email);
  } finally {
    await db.destroy();
  }
  const result = await makeLink(input, user.id, user.email);
  input.stdout.write(
    `Give ${user.email} this link to choose a new password (once, until ${result.expiresAt}):\n` +
      `  ${result.link}\n`,
  );
  return result;
}

/** `cando user add --email …`: an account with no password yet, and the link to set one. */
export async function runUserAdd(
  input: Common & { email: string; baseUrl: string; newId: IdGenerator },
): Promise<ResetLinkResult & { id: string }> {
  const parsed = Email.safeParse(input.email);
  if (!parsed.success) throw new CliError(`"${input.email}" is not an email address.`, EXIT_USAGE);
  const email = parsed.data;
  const db = await openExistingDatabase(input.databaseUrl, input.stderr);
  const id = input.newId();
  try {
    if (await findUserByEmail(db, email)) throw new CliError(`${email} already has an account.`);
    await db
      .transaction()
      .execute((trx) =>
        insertUserWithDomains(
          trx,
          { id, email, passwordHash: NO_PASSWORD, createdAt: input.now.toISOString() },
          input.newId,
        ),
      );
  } catch (error) {
    if (isUniqueViolation(error)) throw new CliError(`${email} already has an account.`);
    throw error;
  } finally {
    await db.destroy();
  }
  const result = await makeLink(input, id, email);
  input.stdout.write(
    `Added ${email}. Give them this link to choose a password (once, until ${result.expiresAt}):\n` +
      `  ${result.link}\n`,
  );
  return { id, ...result };
}

export interface UserListed {
  email: string;
  createdAt: string;
}

/** `cando user list`: every account, oldest first. */
export async function runUserList(input: Common): Promise<{ users: UserListed[] }> {
  const db = await openExistingDatabase(input.databaseUrl, input.stderr);
  try {
    const users = (await listUsers(db)).map((u) => ({ email: u.email, createdAt: u.createdAt }));
    if (users.length === 0) input.stdout.write("No accounts yet.\n");
    for (const u of users) input.stdout.write(`${u.email}\t${u.createdAt}\n`);
    return { users };
  } finally {
    await db.destroy();
  }
}
