import { Storefront, storefrontMetadata } from "../storefront";

// Loja Demo's storefront (Brazilian Portuguese): the page tells the widget its language (data-locale).
export const dynamic = "force-dynamic";
export const generateMetadata = () => storefrontMetadata("pt-BR");

export default function LojaDemoPage() {
  return <Storefront slug="loja-demo" locale="pt-BR" widgetLocale="pt-BR" shopper={{ profileId: "01GDDLOJA0PTBR00000000SAMA", name: "Ana" }} />;
}
