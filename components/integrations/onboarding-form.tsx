"use client";

// The frame of every destination's onboarding form (lib/helpdesks/<id>/onboarding.tsx): the form,
// its fields with their errors in words, the form-level alert and the buttons. A destination's
// onboarding says only what it asks; how a form looks and reports errors is decided here.

import { createContext, useContext, type InputHTMLAttributes, type ReactNode } from "react";
import { submitWith } from "@/components/forms/submit-with";
import { TextField } from "@/components/ui/text-field";
import { Actions, FormError } from "./connect-forms";

type Errors = { field: (name: string) => string | undefined; form: string | null };

const FormErrors = createContext<Errors>({ field: () => undefined, form: null });

export function OnboardingForm({
  action,
  errors,
  pending,
  label,
  pendingLabel,
  onBack,
  hideFormError = false,
  children,
}: {
  action: (form: FormData) => void;
  errors: Errors;
  pending: boolean;
  label: string;
  pendingLabel: string;
  onBack?: () => void;
  /** When the form's error would only repeat a field's, or the form is already moving on. */
  hideFormError?: boolean;
  children: ReactNode;
}) {
  return (
    <FormErrors value={errors}>
      <form onSubmit={submitWith(action)} className="space-y-4" noValidate>
        {children}
        <FormError message={hideFormError ? null : errors.form} />
        <Actions pending={pending} label={label} pendingLabel={pendingLabel} onBack={onBack} />
      </form>
    </FormErrors>
  );
}

/** One input of an onboarding form, showing the error its action returned for `name`; never autofilled. */
export function OnboardingField(props: InputHTMLAttributes<HTMLInputElement> & { name: string; label: string; hint?: string }) {
  const errors = useContext(FormErrors);
  return <TextField autoComplete="off" {...props} error={errors.field(props.name)} />;
}
