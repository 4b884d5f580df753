import { startTransition, type FormEvent } from "react";

/**
 * An `onSubmit` that runs a form action through a transition rather than `<form action>`: React
 * resets a form after its action, which would wipe what was typed when the action fails and
 * leave controlled radios showing nothing selected after a save.
 */
export function submitWith(action: (form: FormData) => void) {
  return (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    startTransition(() => action(form));
  };
}
