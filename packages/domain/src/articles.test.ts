import { describe, expect, it } from "vitest";
import { ARTICLES, articleLabel, formatArticle, formatArticleKey } from "./articles.ts";
import { nameIn } from "./person.ts";

describe("articles in three languages", () => {
  it("writes an article as lawyers write it in English, Russian and Kazakh", () => {
    const c = { code: "criminal" as const, article: "405", part: "2" };
    expect(formatArticle(c)).toBe("CC 405(2)");
    expect(formatArticle(c, "ru")).toBe("ст. 405 ч. 2 УК РК");
    expect(formatArticle(c, "kk")).toBe("ҚР ҚК 405-бабының 2-бөлігі");
    expect(formatArticle({ code: "administrative", article: "488" }, "ru")).toBe("ст. 488 КоАП РК");
    expect(formatArticle({ code: "administrative", article: "488" }, "kk")).toBe("ҚР ӘҚБтК 488-бабы");
    expect(formatArticleKey("administrative:488", "ru")).toBe("ст. 488 КоАП РК");
  });

  it("gives every catalogued article a Russian title and falls back to English where a title is missing", () => {
    expect(articleLabel("criminal", "405", "ru")).toMatch(/экстремизм/);
    expect(articleLabel("criminal", "405.1", "ru")).toBe(articleLabel("criminal", "405", "ru"));
    expect(articleLabel("criminal", "9999", "ru")).toBeUndefined();
  });

  it("gives every catalogued article its Kazakh title", () => {
    const missing = ARTICLES.filter((a) => !a.label.kk || !/[әғқңөұүһі]/i.test(a.label.kk)).map(
      (a) => a.article,
    );
    expect(missing).toEqual([]);
  });
});

describe("nameIn", () => {
  const p = {
    names: [
      { text: "Yerzhan Yelshibayev", script: "latin", primary: true },
      { text: "Ержан Елшибаев", script: "cyrillic-ru" },
      { text: "Ержан Елшібаев", script: "cyrillic-kk" },
    ],
  };
  it("names a person in the reader's script where the record has it, else by the primary name", () => {
    expect(nameIn(p, "ru")).toEqual({ text: "Ержан Елшибаев", lang: "ru" });
    expect(nameIn(p, "kk")).toEqual({ text: "Ержан Елшібаев", lang: "kk" });
    expect(nameIn(p, "en")).toEqual({ text: "Yerzhan Yelshibayev", lang: "en" });
    expect(nameIn({ names: [p.names[0] as (typeof p.names)[number]] }, "ru")).toEqual({
      text: "Yerzhan Yelshibayev",
      lang: "en",
    });
  });
});
