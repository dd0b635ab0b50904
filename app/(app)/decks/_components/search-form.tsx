import Form from "next/form";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { SEARCH_MAX } from "@/lib/decks/queries";
import { browseHref } from "./lang";

/** A GET form: works without JavaScript, and with it navigates without a full reload. */
export async function SearchForm({ q = "", topic = null, id = "deck-search" }: { q?: string; topic?: string | null; id?: string }) {
  const t = await getTranslations("decks.search");
  return (
    <Form action="/decks/browse" role="search" className="space-y-1" data-testid="deck-search">
      <label htmlFor={id} className="block text-sm font-medium">
        {t("label")}
      </label>
      <div className="flex flex-wrap gap-2 sm:flex-nowrap">
        {topic ? <input type="hidden" name="topic" value={topic} /> : null}
        <input
          id={id}
          name="q"
          type="search"
          defaultValue={q}
          maxLength={SEARCH_MAX}
          placeholder={t("placeholder")}
          aria-describedby={`${id}-hint`}
          autoComplete="off"
          className="field-input mt-0 min-w-0 flex-1 basis-48"
        />
        <button type="submit" className="btn-primary">
          {t("submit")}
        </button>
        {q ? (
          <Link href={browseHref({ topic })} className="btn-secondary">
            {t("clear")}
          </Link>
        ) : null}
      </div>
      <p id={`${id}-hint`} className="text-xs text-slate-500 dark:text-slate-400">
        {t("hint")}
      </p>
    </Form>
  );
}
