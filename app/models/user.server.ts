import type { User } from "~/generated/prisma/client.ts";
import { getDb } from "~/utils/db.server.ts";
import { hashPassword, verifyPassword, burnPasswordCheck } from "~/utils/password.server.ts";
import { unitOfWork } from "./unit-of-work.server.ts";

export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

export function countUsers(): Promise<number> {
  return getDb().user.count();
}

export function getUserById(id: string) {
  return getDb().user.findUnique({ where: { id }, select: { id: true, email: true, name: true, locale: true, createdAt: true } });
}

export function findUserByEmail(email: string) {
  return getDb().user.findUnique({ where: { email: normalizeEmail(email) } });
}

/** Checks a password in constant-ish time whether or not the account exists. */
export async function verifyLogin(email: string, password: string): Promise<User | null> {
  const user = await findUserByEmail(email);
  if (!user) {
    await burnPasswordCheck(password);
    return null;
  }
  return (await verifyPassword(user.passwordHash, password)) ? user : null;
}

export async function updateProfile(userId: string, data: { name: string; locale: "fr" | "en" | null }) {
  return getDb().user.update({ where: { id: userId }, data });
}

export async function setUserLocale(userId: string, locale: "fr" | "en") {
  await getDb().user.update({ where: { id: userId }, data: { locale } });
}

/** Changing the password signs out every other session of the user. */
export async function changePassword(userId: string, currentPassword: string, newPassword: string, keepSessionId: string) {
  const db = getDb();
  const user = await db.user.findUnique({ where: { id: userId } });
  if (!user || !(await verifyPassword(user.passwordHash, currentPassword))) return { ok: false as const };
  const passwordHash = await hashPassword(newPassword);
  await unitOfWork({ actorId: userId, organizationId: null }, async ({ tx, ...w }) => {
    await tx.user.update({ where: { id: userId }, data: { passwordHash, passwordChangedAt: new Date() } });
    await tx.session.deleteMany({ where: { userId, id: { not: keepSessionId } } });
    w.audit("user.password_changed", "User", userId);
  });
  return { ok: true as const };
}
