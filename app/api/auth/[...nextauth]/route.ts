// GET|POST /api/auth/* — next-auth: sign-in, sign-out, session, CSRF token, account switch (session update).
import NextAuth from "next-auth";
import type { NextRequest } from "next/server";
import { authOptions } from "@/lib/auth/options";

type Context = { params: Promise<{ nextauth: string[] }> };

function handler(req: NextRequest, context: Context) {
  return NextAuth(req, context, authOptions());
}

export { handler as GET, handler as POST };
