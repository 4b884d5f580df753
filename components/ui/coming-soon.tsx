import { getTranslations } from "next-intl/server";

/** The empty state of a section that a later release fills. */
export async function ComingSoon({ title, description }: { title: string; description: string }) {
  const t = await getTranslations("common");
  return (
    <section
      aria-labelledby="coming-soon-title"
      className="flex flex-col items-center rounded-xl border border-dashed border-slate-300 bg-white px-6 py-16 text-center"
    >
      <span className="rounded-full bg-indigo-50 px-3 py-1 text-xs font-medium text-indigo-700">{t("comingSoon")}</span>
      <h2 id="coming-soon-title" className="mt-4 text-lg font-semibold text-slate-900">
        {title}
      </h2>
      <p className="mt-2 max-w-md text-sm text-slate-600">{description}</p>
    </section>
  );
}
