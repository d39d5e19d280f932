-- CreateTable
CREATE TABLE "PasswordCheckFailure" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PasswordCheckFailure_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "PasswordCheckFailure_userId_createdAt_idx" ON "PasswordCheckFailure"("userId", "createdAt");

-- CreateIndex
CREATE INDEX "SignInAttempt_email_succeeded_createdAt_idx" ON "SignInAttempt"("email", "succeeded", "createdAt");

-- CreateIndex
CREATE INDEX "SignInAttempt_email_ipAddress_createdAt_idx" ON "SignInAttempt"("email", "ipAddress", "createdAt");

-- AddForeignKey
ALTER TABLE "PasswordCheckFailure" ADD CONSTRAINT "PasswordCheckFailure_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Session ids stored hashed
-- Written by hand; invisible to Prisma's schema diff. Until now a session's id was the very token its
-- cookie carries; from now on the row keeps only the SHA-256 of that token, in hex, as
-- app/auth/session.server.ts (sessionIdOfToken) computes it. Hashing every existing id the same way keeps
-- everyone signed in: their cookies still carry the token, whose hash is now the row's id.
UPDATE "Session" SET "id" = encode(sha256(convert_to("id", 'UTF8')), 'hex');
