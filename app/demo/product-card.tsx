// One product of the demo storefront, drawn with CSS only (no external images).
/** A gradient background and absolutely positioned shapes (Tailwind classes) that draw a shoe. */
export type ProductVisual = { swatch: string; parts: readonly string[] };

export function ProductCard({
  name,
  description,
  price,
  addLabel,
  visual,
}: {
  name: string;
  description: string;
  price: string;
  addLabel: string;
  visual: ProductVisual;
}) {
  return (
    <li className="group flex flex-col overflow-hidden rounded-2xl border border-stone-200 bg-white shadow-sm transition hover:shadow-md">
      <div className={`flex aspect-4/3 items-center justify-center bg-linear-to-br ${visual.swatch}`} aria-hidden="true">
        <div className="relative h-28 w-40 transition duration-300 group-hover:-rotate-3 group-hover:scale-105">
          {visual.parts.map((part) => (
            <div key={part} className={`absolute shadow-sm ${part}`} />
          ))}
        </div>
      </div>
      <div className="flex flex-1 flex-col gap-2 p-5">
        <div className="flex items-baseline justify-between gap-3">
          <h3 className="font-semibold text-stone-900">{name}</h3>
          <p className="text-sm font-medium text-stone-700">{price}</p>
        </div>
        <p className="flex-1 text-sm text-stone-600">{description}</p>
        <button
          type="button"
          className="mt-2 rounded-full bg-stone-900 px-4 py-2 text-sm font-medium text-white transition hover:bg-stone-700 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-amber-500"
        >
          {addLabel}
        </button>
      </div>
    </li>
  );
}
