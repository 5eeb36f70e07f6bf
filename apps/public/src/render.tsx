/** @jsxRuntime automatic */
/** @jsxImportSource react */
import type { ReactElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { Ctx, type PageCtx } from "./ctx.tsx";

/** A complete HTML document: no script, no hydration; the page works with JavaScript off. */
export function renderPage(ctx: PageCtx, page: ReactElement): string {
  return `<!doctype html>\n${renderToStaticMarkup(<Ctx.Provider value={ctx}>{page}</Ctx.Provider>)}`;
}
