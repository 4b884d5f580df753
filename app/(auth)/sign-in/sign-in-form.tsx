"use client";

import { signIn } from "next-auth/react";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { signInFieldErrors } from "@/lib/validation/sign-in-fields";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/text-field";

type FieldErrors = { email?: string; password?: string };

export function SignInForm({ callbackPath }: { callbackPath: string }) {
  const t = useTranslations("signIn");
  const router = useRouter();
  const [pending, setPending] = useState(false);
  const [formError, setFormError] = useState<string | null>(null);
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});

  function messageFor(code: string | null | undefined): string {
    const [name, seconds] = (code ?? "").split(":");
    if (name === "rate_limited") return t("errors.rate_limited", { minutes: Math.max(1, Math.ceil(Number(seconds) / 60) || 1) });
    if (name === "invalid_credentials" || name === "no_account") return t(`errors.${name}`);
    return t("errors.unexpected");
  }

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const input = { email: String(form.get("email") ?? ""), password: String(form.get("password") ?? "") };
    const problems = signInFieldErrors(input);
    if (problems.email || problems.password) {
      setFieldErrors({ email: problems.email && t(`errors.${problems.email}`), password: problems.password && t(`errors.${problems.password}`) });
      setFormError(null);
      return;
    }
    setFieldErrors({});
    setFormError(null);
    setPending(true);
    try {
      const result = await signIn("credentials", { email: input.email.trim().toLowerCase(), password: input.password, redirect: false });
      if (!result || result.error) {
        setFormError(messageFor(result?.error));
        setPending(false);
        return;
      }
      router.replace(callbackPath);
      router.refresh();
    } catch {
      setFormError(t("errors.unexpected"));
      setPending(false);
    }
  }

  return (
    <form noValidate onSubmit={onSubmit} className="space-y-5" aria-busy={pending}>
      <TextField label={t("email")} name="email" type="email" autoComplete="email" required autoFocus error={fieldErrors.email} />
      <TextField label={t("password")} name="password" type="password" autoComplete="current-password" required error={fieldErrors.password} />
      <div role="alert" aria-live="assertive" className="min-h-5 text-sm text-red-700">
        {formError}
      </div>
      <Button type="submit" className="w-full" disabled={pending}>
        {pending ? t("submitting") : t("submit")}
      </Button>
    </form>
  );
}
