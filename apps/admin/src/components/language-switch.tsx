import { LANGS, useI18n } from "../i18n/index.tsx";

export function LanguageSwitch() {
  const { lang, setLang, t } = useI18n();
  return (
    <div className="lang-switch" role="group" aria-label={t("language")}>
      {LANGS.map((l) => (
        <button
          key={l.code}
          type="button"
          className={l.code === lang ? "active" : ""}
          aria-pressed={l.code === lang}
          lang={l.code}
          onClick={() => setLang(l.code)}
        >
          {l.name}
        </button>
      ))}
    </div>
  );
}
