"use client";

import type { ComponentType } from "react";
import type { ConnectableId } from "@/lib/validation/integrations";
import { EmailOnboarding } from "@/lib/helpdesks/email/onboarding";
import { GorgiasOnboarding } from "@/lib/helpdesks/gorgias/onboarding";
import { ZendeskOnboarding } from "@/lib/helpdesks/zendesk/onboarding";
import type { OnboardingProps } from "./onboarding-props";

/**
 * The browser's registry: each connectable destination's onboarding, a client component in its
 * folder (lib/helpdesks/<id>/onboarding.tsx). The server's registry (lib/helpdesks/registry.ts)
 * cannot be loaded here; the connect dialog and the pages only look this one up.
 */
export const onboardingFor: Record<ConnectableId, ComponentType<OnboardingProps>> = {
  zendesk: ZendeskOnboarding,
  gorgias: GorgiasOnboarding,
  email: EmailOnboarding,
};
