import type { ReactNode, TextareaHTMLAttributes } from "react";

/** The outline every text control of a settings form shares; red when its value is refused. */
export const controlClass = (invalid: boolean) =>
  `block w-full rounded-md border bg-white px-3 py-2 text-sm shadow-sm outline-none transition placeholder:text-slate-400 focus:border-indigo-500 focus:ring-2 focus:ring-indigo-500/30 disabled:bg-slate-50 disabled:text-slate-600 ${invalid ? "border-red-500" : "border-slate-300"}`;

type FieldProps = {
  id: string;
  label: string;
  hint?: string;
  error?: string;
  /** A character counter under the control ("12 / 600 characters"), red past the maximum. */
  count?: { value: number; max: number; text: string };
  /** The control, given the ids that describe it and whether it is invalid. */
  children: (control: { describedBy: string; invalid: boolean }) => ReactNode;
};

/** A labelled form control with its hint, its error and an optional counter, wired for screen readers. */
export function Field({ id, label, hint, error, count, children }: FieldProps) {
  const describedBy = [hint ? `${id}-hint` : null, count ? `${id}-count` : null, error ? `${id}-error` : null].filter(Boolean).join(" ");
  return (
    <div>
      <label htmlFor={id} className="block text-sm font-medium text-slate-900">
        {label}
      </label>
      {hint ? (
        <p id={`${id}-hint`} className="mt-1 text-xs text-slate-500">
          {hint}
        </p>
      ) : null}
      <div className="mt-2">{children({ describedBy, invalid: Boolean(error) })}</div>
      {error || count ? (
        <div className="mt-1 flex justify-between gap-4 text-xs">
          <span id={`${id}-error`} className="text-red-700">
            {error}
          </span>
          {count ? (
            <span id={`${id}-count`} className={`shrink-0 whitespace-nowrap ${count.value > count.max ? "text-red-700" : "text-slate-500"}`}>
              {count.text}
            </span>
          ) : null}
        </div>
      ) : null}
    </div>
  );
}

/** A multi-line text field with a character counter. */
export function TextAreaField({ id, label, hint, error, count, ...textarea }: Omit<FieldProps, "children"> & TextareaHTMLAttributes<HTMLTextAreaElement>) {
  return (
    <Field id={id} label={label} hint={hint} error={error} count={count}>
      {({ describedBy, invalid }) => (
        <textarea {...textarea} id={id} aria-invalid={invalid || undefined} aria-describedby={describedBy || undefined} className={controlClass(invalid)} />
      )}
    </Field>
  );
}
