import type { Metadata } from "next";
import { headers } from "next/headers";
import { getDb } from "@/db/client";
import { getPublishableKeyForSlug } from "@/db/queries/widget-keys";
import type { ShopperLocale } from "@/lib/i18n/shopper-locales";
import { storefrontTexts } from "@/lib/i18n/shopper-texts";
import { ProductCard, type ProductVisual } from "./product-card";

// The public demo storefronts (Demo Store at /demo/store, Loja Demo at /demo/loja): anyone can
// try the chat widget as a shopper. Each renders in its store's language, from the shopper
// catalogs' `demoStore` texts.

const sole = "bottom-0 left-2 h-3 w-36 rounded-full";
const products = [
  {
    id: "runner",
    visual: {
      swatch: "from-amber-100 to-orange-200",
      parts: [
        "bottom-3 left-4 h-14 w-32 rounded-tl-[3rem] rounded-tr-2xl rounded-br-md bg-orange-500",
        `${sole} bg-white`,
        "bottom-10 left-14 h-1 w-10 rounded bg-white/80",
      ],
    },
  },
  {
    id: "sneaker",
    visual: {
      swatch: "from-sky-100 to-cyan-200",
      parts: [
        "bottom-3 left-4 h-12 w-32 rounded-tl-[3rem] rounded-tr-xl bg-white",
        `${sole} bg-stone-800`,
        "bottom-6 left-16 h-2 w-10 -skew-x-12 rounded bg-sky-500",
      ],
    },
  },
  {
    id: "loafer",
    visual: {
      swatch: "from-stone-200 to-stone-300",
      parts: [
        "bottom-3 left-4 h-9 w-32 rounded-t-[2.5rem] rounded-br-lg bg-amber-900",
        `${sole} bg-stone-900`,
        "bottom-10 left-20 size-2 rounded-full bg-amber-300",
      ],
    },
  },
  {
    id: "boot",
    visual: {
      swatch: "from-rose-100 to-pink-200",
      parts: [
        "bottom-3 left-6 h-24 w-14 rounded-t-md bg-rose-700",
        "bottom-3 left-6 h-11 w-28 rounded-tr-[2.5rem] rounded-br-md bg-rose-700",
        `${sole} bg-stone-900`,
        "bottom-12 left-16 h-10 w-2 rounded bg-rose-900/60",
      ],
    },
  },
] as const satisfies ReadonlyArray<{ id: string; visual: ProductVisual }>;

export const storefrontMetadata = (locale: ShopperLocale): Metadata => ({ title: storefrontTexts(locale)("metaTitle") });

/**
 * One store's storefront with its widget. `shopper`: the store's signed-in shopper (the store
 * knows their profile id, Klaviyo-style, but not their email, so a handoff shows the email step).
 * `widgetLocale`: the page's language, given to the widget as `data-locale`. `identity`: the
 * shopper signed by the store (a verified shopper), passed instead of the unsigned profile id.
 */
export async function Storefront(props: {
  slug: string;
  locale: ShopperLocale;
  widgetLocale?: ShopperLocale;
  shopper: { profileId: string; name: string };
  identity?: string | null;
}) {
  const t = storefrontTexts(props.locale);
  const publishableKey = await getPublishableKeyForSlug(await getDb(), props.slug);
  // The page's CSP runs scripts only with this request's nonce (proxy.ts).
  const nonce = (await headers()).get("x-nonce") ?? undefined;
  return (
    <div lang={props.locale} className="flex min-h-screen flex-col bg-stone-50 text-stone-900">
      <header className="border-b border-stone-200 bg-white/80 backdrop-blur">
        <div className="mx-auto flex max-w-6xl items-center justify-between px-6 py-4">
          <p className="text-xl font-bold tracking-tight">
            <span aria-hidden="true" className="mr-2 inline-block size-3 rounded-full bg-amber-500" />
            {t("name")}
          </p>
          <nav aria-label={t("navLabel")} className="flex gap-4 text-sm text-stone-600 sm:gap-6">
            <a href="#products" className="hover:text-stone-900">
              {t("navShop")}
            </a>
            <a href="#about" className="hover:text-stone-900">
              {t("navAbout")}
            </a>
          </nav>
        </div>
      </header>

      <main className="flex-1">
        <section className="relative overflow-hidden bg-linear-to-br from-amber-50 via-stone-50 to-rose-50">
          <div
            aria-hidden="true"
            className="absolute -right-16 top-10 hidden size-80 rounded-full bg-linear-to-br from-amber-200 via-orange-200 to-rose-200 opacity-70 md:block"
          />
          <div
            aria-hidden="true"
            className="absolute right-72 bottom-8 hidden size-24 rounded-full bg-linear-to-br from-sky-200 to-cyan-100 opacity-80 md:block"
          />
          <div className="relative mx-auto max-w-6xl px-6 py-16 sm:py-20">
            <p className="text-sm font-semibold uppercase tracking-widest text-amber-700">{t("heroEyebrow")}</p>
            <h1 className="mt-3 max-w-2xl text-4xl font-bold tracking-tight sm:text-5xl">{t("heroTitle")}</h1>
            <p className="mt-4 max-w-xl text-lg text-stone-600">{t("heroText")}</p>
            {publishableKey ? null : (
              <p role="status" className="mt-6 inline-block rounded-lg border border-amber-300 bg-amber-50 px-4 py-2 text-sm text-amber-900">
                {t("widgetUnavailable")}
              </p>
            )}
          </div>
        </section>

        <section id="products" aria-labelledby="products-title" className="mx-auto max-w-6xl px-6 py-14">
          <h2 id="products-title" className="text-2xl font-semibold tracking-tight">
            {t("productsTitle")}
          </h2>
          <ul className="mt-8 grid gap-6 sm:grid-cols-2 lg:grid-cols-4">
            {products.map((product) => (
              <ProductCard
                key={product.id}
                name={t(`products.${product.id}.name`)}
                description={t(`products.${product.id}.description`)}
                price={t(`products.${product.id}.price`)}
                addLabel={t("addToCart")}
                visual={product.visual}
              />
            ))}
          </ul>
        </section>

        <section id="about" className="border-t border-stone-200 bg-white">
          <div className="mx-auto grid max-w-6xl gap-8 px-6 py-12 sm:grid-cols-3">
            {(["shipping", "returns", "sizes"] as const).map((perk) => (
              <div key={perk}>
                <h2 className="font-semibold">{t(`perks.${perk}.title`)}</h2>
                <p className="mt-1 text-sm text-stone-600">{t(`perks.${perk}.text`)}</p>
              </div>
            ))}
          </div>
        </section>
      </main>

      <footer className="border-t border-stone-200 bg-stone-900 text-stone-300">
        <div className="mx-auto flex max-w-6xl flex-col gap-2 px-6 py-8 text-sm sm:flex-row sm:items-center sm:justify-between">
          <p>{t("footerCopyright", { year: new Date().getFullYear() })}</p>
          <p>{t("footerDemo")}</p>
        </div>
      </footer>

      {publishableKey ? (
        props.identity ? (
          <script src="/widget.js" nonce={nonce} data-key={publishableKey} data-identity={props.identity} data-locale={props.widgetLocale} async />
        ) : (
          <script
            src="/widget.js"
            nonce={nonce}
            data-key={publishableKey}
            data-profile-id={props.shopper.profileId}
            data-name={props.shopper.name}
            data-locale={props.widgetLocale}
            async
          />
        )
      ) : null}
    </div>
  );
}
