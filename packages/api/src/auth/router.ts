import QRCode from "qrcode";
import { sessionStore, userStore, type Db } from "@registry/db";
import { DomainError } from "@registry/domain";
import { TRPCError } from "@trpc/server";
import { z } from "zod";
import type { Context } from "../context.ts";
import { ROLES } from "../context.ts";
import { adminProcedure, editorProcedure, publicProcedure, router } from "../trpc.ts";
import {
  decryptSecret,
  dummyHash,
  encryptSecret,
  hashPassword,
  needsRehash,
  newToken,
  recoveryCodes,
  safeEqual,
  sha256,
  verifyPassword,
} from "./crypto.ts";
import { checkTotp, newTotpSecret, totpUri } from "./totp.ts";

const Email = z.email().max(200);
const Password = z.string().min(12, "At least 12 characters").max(200);
const Code = z.string().trim().min(6).max(40);

/** One answer for every failed login (unknown user, wrong password, disabled user): no account oracle. */
const LOGIN_FAILED = "Wrong e-mail or password";
const PENDING = "pending:";

function tooMany(ctx: Context, seconds: number): never {
  ctx.transport.setHeader("Retry-After", String(seconds));
  throw new TRPCError({ code: "TOO_MANY_REQUESTS", message: `Too many attempts; try again in ${seconds} s` });
}

async function startSession(ctx: Context, userId: string, secondFactor: boolean) {
  const token = newToken();
  const now = new Date().toISOString();
  await sessionStore.create(ctx.database.db, {
    tokenHash: sha256(token),
    userId,
    createdAt: now,
    lastSeenAt: now,
    secondFactor,
    userAgent: ctx.transport.userAgent?.slice(0, 300) ?? null,
  });
  ctx.transport.setToken(token);
}

/** After the second factor the pending session is replaced by a new one (a new token). */
async function completeLogin(ctx: Context, userId: string) {
  if (ctx.session) await sessionStore.delete(ctx.database.db, ctx.session.tokenHash);
  await startSession(ctx, userId, true);
}

const pendingProcedure = publicProcedure.use(({ ctx, next }) => {
  if (!ctx.session) throw new TRPCError({ code: "UNAUTHORIZED", message: "Log in first" });
  return next({ ctx: { ...ctx, session: ctx.session } });
});

async function userOf(db: Db, id: string) {
  const u = await userStore.byId(db, id);
  if (!u || u.disabled) throw new TRPCError({ code: "UNAUTHORIZED", message: "Log in first" });
  return u;
}

export const authRouter = router({
  me: publicProcedure.query(({ ctx }) => ({
    user: ctx.user,
    pendingSecondFactor: !!ctx.session && !ctx.session.secondFactor,
  })),

  login: publicProcedure
    .input(z.strictObject({ email: Email, password: z.string().max(200) }))
    .mutation(async ({ ctx, input }) => {
      const { account, ip } = ctx.limits;
      const email = input.email.toLowerCase();
      const db = ctx.database.db;
      // Counted before the password is checked: of any number of parallel attempts, at most the limit get checked.
      const ipWait = await ip.take(db, ctx.transport.ip);
      if (ipWait > 0) tooMany(ctx, ipWait);
      const accountWait = await account.take(db, email);
      if (accountWait > 0) tooMany(ctx, accountWait);
      const u = await userStore.byEmail(db, email);
      const ok = await verifyPassword(u?.passwordHash ?? (await dummyHash()), input.password);
      if (!u || !ok || u.disabled) throw new TRPCError({ code: "UNAUTHORIZED", message: LOGIN_FAILED });
      if (needsRehash(u.passwordHash))
        await userStore.update(db, u.id, { passwordHash: await hashPassword(input.password) });
      await account.reset(db, email);
      await ip.giveBack(db, ctx.transport.ip);
      if (ctx.session) await sessionStore.delete(db, ctx.session.tokenHash);
      await startSession(ctx, u.id, false);
      const enrolled = !!u.totpSecret && !u.totpSecret.startsWith(PENDING);
      return { next: enrolled ? ("totp" as const) : ("enrol" as const) };
    }),

  enrolStart: pendingProcedure.mutation(async ({ ctx }) => {
    const u = await userOf(ctx.database.db, ctx.session.userId);
    if (u.totpSecret && !u.totpSecret.startsWith(PENDING))
      throw new DomainError("INVALID_TRANSITION", "A second factor is already set up");
    const secret = newTotpSecret();
    await userStore.update(ctx.database.db, u.id, {
      totpSecret: PENDING + encryptSecret(ctx.secretKey, secret),
      totpLastStep: null,
    });
    const uri = totpUri(secret, u.email);
    // A QR code of the same link, drawn here so that the admin app carries no QR library.
    const qrSvg = await QRCode.toString(uri, { type: "svg", errorCorrectionLevel: "M", margin: 2 });
    return { secret, uri, qrSvg };
  }),

  enrolFinish: pendingProcedure.input(z.strictObject({ code: Code })).mutation(async ({ ctx, input }) => {
    const db = ctx.database.db;
    const u = await userOf(db, ctx.session.userId);
    if (!u.totpSecret?.startsWith(PENDING))
      throw new DomainError("INVALID_TRANSITION", "Start the set-up first");
    const wait = await ctx.limits.totp.take(db, u.id);
    if (wait > 0) tooMany(ctx, wait);
    const sealed = u.totpSecret.slice(PENDING.length);
    const r = await checkTotp(decryptSecret(ctx.secretKey, sealed), input.code, null);
    if (!r.ok) throw new TRPCError({ code: "UNAUTHORIZED", message: "Wrong code" });
    await ctx.limits.totp.giveBack(db, u.id);
    const codes = recoveryCodes();
    await userStore.update(db, u.id, {
      totpSecret: sealed,
      totpLastStep: r.step,
      recoveryCodes: codes.map(sha256),
    });
    await completeLogin(ctx, u.id);
    return { recoveryCodes: codes };
  }),

  verify: pendingProcedure.input(z.strictObject({ code: Code })).mutation(async ({ ctx, input }) => {
    const db = ctx.database.db;
    const u = await userOf(db, ctx.session.userId);
    if (!u.totpSecret || u.totpSecret.startsWith(PENDING))
      throw new DomainError("INVALID_TRANSITION", "Set up a second factor first");
    const wait = await ctx.limits.totp.take(db, u.id);
    if (wait > 0) tooMany(ctx, wait);
    const r = await checkTotp(decryptSecret(ctx.secretKey, u.totpSecret), input.code, u.totpLastStep);
    if (!r.ok) throw new TRPCError({ code: "UNAUTHORIZED", message: "Wrong code" });
    await ctx.limits.totp.giveBack(db, u.id);
    await userStore.update(db, u.id, { totpLastStep: r.step });
    await completeLogin(ctx, u.id);
    return { ok: true };
  }),

  recover: pendingProcedure.input(z.strictObject({ code: Code })).mutation(async ({ ctx, input }) => {
    const db = ctx.database.db;
    const u = await userOf(db, ctx.session.userId);
    const wait = await ctx.limits.totp.take(db, u.id);
    if (wait > 0) tooMany(ctx, wait);
    const hashes = u.recoveryCodes as string[];
    const h = sha256(input.code.toLowerCase());
    const match = hashes.find((x) => safeEqual(x, h));
    if (!match) throw new TRPCError({ code: "UNAUTHORIZED", message: "Wrong code" });
    await ctx.limits.totp.giveBack(db, u.id);
    await userStore.update(db, u.id, { recoveryCodes: hashes.filter((x) => x !== match) });
    await completeLogin(ctx, u.id);
    return { remaining: hashes.length - 1 };
  }),

  logout: publicProcedure.mutation(async ({ ctx }) => {
    if (ctx.session) await sessionStore.delete(ctx.database.db, ctx.session.tokenHash);
    ctx.transport.setToken(null);
    return { ok: true };
  }),

  changePassword: editorProcedure
    .input(z.strictObject({ current: z.string().max(200), next: Password }))
    .mutation(async ({ ctx, input }) => {
      const db = ctx.database.db;
      const u = await userOf(db, ctx.user.id);
      // The same account limit as the login, counted before the check: a stolen session is no password oracle.
      const wait = await ctx.limits.account.take(db, u.email);
      if (wait > 0) tooMany(ctx, wait);
      if (!(await verifyPassword(u.passwordHash, input.current)))
        throw new TRPCError({ code: "UNAUTHORIZED", message: "The current password is wrong" });
      await ctx.limits.account.reset(db, u.email);
      await userStore.update(db, u.id, { passwordHash: await hashPassword(input.next) });
      await sessionStore.deleteForUser(db, u.id);
      await startSession(ctx, u.id, true);
      return { ok: true };
    }),

  sessions: editorProcedure.query(async ({ ctx }) => {
    const rows =
      ctx.user.role === "admin"
        ? await sessionStore.all(ctx.database.db)
        : await sessionStore.forUser(ctx.database.db, ctx.user.id);
    return rows.map((s) => ({
      id: s.tokenHash.slice(0, 16),
      userId: s.userId,
      createdAt: s.createdAt,
      lastSeenAt: s.lastSeenAt,
      userAgent: s.userAgent,
      current: s.tokenHash === ctx.session?.tokenHash,
    }));
  }),

  endSession: editorProcedure
    .input(z.strictObject({ id: z.string().regex(/^[0-9a-f]{16}$/) }))
    .mutation(async ({ ctx, input }) => {
      const rows =
        ctx.user.role === "admin"
          ? await sessionStore.all(ctx.database.db)
          : await sessionStore.forUser(ctx.database.db, ctx.user.id);
      const s = rows.find((r) => r.tokenHash.startsWith(input.id));
      if (!s) throw new DomainError("NOT_FOUND", "No such session");
      await sessionStore.delete(ctx.database.db, s.tokenHash);
      return { ok: true };
    }),
});

const publicUser = (u: Awaited<ReturnType<typeof userStore.list>>[number]) => ({
  id: u.id,
  email: u.email,
  name: u.name,
  role: u.role,
  disabled: u.disabled,
  secondFactor: !!u.totpSecret && !u.totpSecret.startsWith(PENDING),
  createdAt: u.createdAt,
});

export const usersRouter = router({
  list: adminProcedure.query(async ({ ctx }) => (await userStore.list(ctx.database.db)).map(publicUser)),
  create: adminProcedure
    .input(
      z.strictObject({
        email: Email,
        name: z.string().trim().min(1).max(200),
        role: z.enum(ROLES),
        password: Password,
      }),
    )
    .mutation(async ({ ctx, input }) => {
      if (await userStore.byEmail(ctx.database.db, input.email))
        throw new DomainError("CONFLICT", "A user with this e-mail exists");
      const u = await userStore.create(ctx.database.db, {
        id: `u-${newToken()
          .slice(0, 12)
          .toLowerCase()
          .replace(/[^a-z0-9]/g, "x")}`,
        email: input.email,
        name: input.name,
        role: input.role,
        passwordHash: await hashPassword(input.password),
      });
      return publicUser(u);
    }),
  setRole: adminProcedure
    .input(z.strictObject({ id: z.string().max(100), role: z.enum(ROLES) }))
    .mutation(async ({ ctx, input }) => {
      const u = await userStore.update(ctx.database.db, input.id, { role: input.role });
      if (!u) throw new DomainError("NOT_FOUND", "No such user");
      await sessionStore.deleteForUser(ctx.database.db, u.id);
      return publicUser(u);
    }),
  setDisabled: adminProcedure
    .input(z.strictObject({ id: z.string().max(100), disabled: z.boolean() }))
    .mutation(async ({ ctx, input }) => {
      if (input.id === ctx.user.id) throw new DomainError("FORBIDDEN", "You cannot disable yourself");
      const u = await userStore.update(ctx.database.db, input.id, { disabled: input.disabled });
      if (!u) throw new DomainError("NOT_FOUND", "No such user");
      await sessionStore.deleteForUser(ctx.database.db, u.id);
      return publicUser(u);
    }),
  resetSecondFactor: adminProcedure
    .input(z.strictObject({ id: z.string().max(100) }))
    .mutation(async ({ ctx, input }) => {
      const u = await userStore.update(ctx.database.db, input.id, {
        totpSecret: null,
        totpLastStep: null,
        recoveryCodes: [],
      });
      if (!u) throw new DomainError("NOT_FOUND", "No such user");
      await sessionStore.deleteForUser(ctx.database.db, u.id);
      return publicUser(u);
    }),
});

/** Creates the first administrator (CLI). */
export async function createUser(
  db: Db,
  input: { email: string; name: string; role: (typeof ROLES)[number]; password: string },
) {
  const email = Email.parse(input.email);
  Password.parse(input.password);
  if (await userStore.byEmail(db, email)) throw new Error(`A user with e-mail ${email} exists`);
  return userStore.create(db, {
    id: `u-${newToken()
      .slice(0, 12)
      .toLowerCase()
      .replace(/[^a-z0-9]/g, "x")}`,
    email,
    name: input.name,
    role: input.role,
    passwordHash: await hashPassword(input.password),
  });
}
