"use client";

import type { ComponentType } from "react";
import type { HelpdeskProvider } from "@/lib/validation/integrations";
import { GorgiasForm } from "./connect-forms";
import { EmailOnboarding } from "./email-onboarding";
import type { OnboardingProps } from "./onboarding-props";
import { ZendeskOnboarding } from "./zendesk-onboarding";

/**
 * Each connectable destination's onboarding, the browser's half of its folder in lib/helpdesks
 * (server code cannot be imported here). The connect dialog and the pages only look it up.
 */
export const onboardingFor: Record<HelpdeskProvider, ComponentType<OnboardingProps>> = {
  zendesk: ZendeskOnboarding,
  gorgias: ({ onConnected }) => <GorgiasForm onConnected={onConnected} />,
  email: EmailOnboarding,
};
