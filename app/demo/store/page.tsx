import { Storefront, storefrontMetadata } from "../storefront";

// Demo Store's storefront (English): anyone can try the chat widget as a shopper.
export const dynamic = "force-dynamic";
export const generateMetadata = () => storefrontMetadata("en");

export default function DemoStorePage() {
  return <Storefront slug="demo-store" locale="en" shopper={{ profileId: "01GDDKASAP8TKDDA2GRZDSVP4H", name: "Sam" }} />;
}
