const squash = (s: string) => s.toLowerCase().replace(/[\s\-_]+/g, "");

/** Exact name match, blind to case, spaces and hyphens ("API server" = "apiserver"). */
export function byAlias<T extends { aliases: string[] }>(items: T[], name: string): T | undefined {
  const key = squash(name);
  return items.find((item) => item.aliases.some((alias) => squash(alias) === key));
}

/** First item with a keyword inside `text`; for prose labels that get reworded ("Pod间通信"). */
export function byKeyword<T extends { keywords: string[] }>(items: T[], text: string): T | undefined {
  const key = squash(text);
  return items.find((item) => item.keywords.some((word) => key.includes(squash(word))));
}

/** Id for a fact no curated entry knows; keeps CJK letters so it still names the fact. */
export function slugify(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, "-")
    .replace(/^-+|-+$/g, "");
}
