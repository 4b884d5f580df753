import type { OnboardingView } from "@/lib/validation/integrations";

/** What every destination's onboarding receives from the connect dialog. */
export type OnboardingProps = {
  view: OnboardingView;
  returnTo: string;
  initialError?: string;
  /** The step shown, for the dialog's "Step n of m". */
  onStep: (current: number) => void;
  onConnected: (connectedAs: string) => void;
};
