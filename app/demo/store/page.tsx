import { getDb } from "@/db/client";
import { DEMO_SHOPPER, signDemoShopper } from "@/lib/services/demo-shopper";
import { Storefront, storefrontMetadata } from "../storefront";

// Demo Store's storefront (English): anyone can try the chat widget as a shopper. By default Sam is
// signed in to the store, which signs them for the widget (a verified shopper, never asked for an
// email); `?shopper=unverified` is a visitor the store passes only a profile id for, unsigned: a
// handoff then shows the email step and the team sees "unverified".
export const dynamic = "force-dynamic";
export const generateMetadata = () => storefrontMetadata("en");

export default async function DemoStorePage({ searchParams }: { searchParams: Promise<{ shopper?: string }> }) {
  const identity = (await searchParams).shopper === "unverified" ? null : await signDemoShopper(await getDb());
  return <Storefront slug="demo-store" locale="en" shopper={{ profileId: DEMO_SHOPPER.profileId, name: DEMO_SHOPPER.name }} identity={identity} />;
}
