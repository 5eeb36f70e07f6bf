import type { LegalCode } from "./case.ts";

export interface ArticleInfo {
  code: LegalCode;
  article: string;
  /** The article's title: our English, and the Russian and Kazakh titles as the codes' official texts give them. */
  label: { en: string; ru: string; kk?: string };
}

/**
 * Articles of the Criminal (2014) and Administrative Offences (2014) Codes of Kazakhstan used against the
 * people in the registry, with a neutral label of our own. Sources label some differently (174 as "social"
 * or "national" discord); the label a source used is kept on each charge.
 */
export const ARTICLES: readonly ArticleInfo[] = [
  {
    code: "criminal",
    article: "405",
    label: {
      en: "Organising or participating in a banned extremist organisation",
      ru: "Организация или участие в деятельности запрещённой экстремистской организации",
    },
  },
  {
    code: "criminal",
    article: "174",
    label: {
      en: "Inciting social, national or other discord",
      ru: "Возбуждение социальной, национальной или иной розни",
    },
  },
  {
    code: "criminal",
    article: "179",
    label: { en: "Calls for seizure or retention of power", ru: "Призывы к захвату или удержанию власти" },
  },
  {
    code: "criminal",
    article: "182",
    label: {
      en: "Creating, leading or participating in an extremist group",
      ru: "Создание, руководство экстремистской группой или участие в ней",
    },
  },
  { code: "criminal", article: "256", label: { en: "Propaganda of terrorism", ru: "Пропаганда терроризма" } },
  {
    code: "criminal",
    article: "258",
    label: {
      en: "Financing extremist or terrorist activity",
      ru: "Финансирование экстремистской или террористической деятельности",
    },
  },
  {
    code: "criminal",
    article: "262",
    label: {
      en: "Creating or participating in an organised criminal group",
      ru: "Создание или участие в организованной преступной группе",
    },
  },
  {
    code: "criminal",
    article: "266",
    label: {
      en: "Financing or servicing a criminal group",
      ru: "Финансирование или услуги преступной группе",
    },
  },
  { code: "criminal", article: "272", label: { en: "Mass riots", ru: "Массовые беспорядки" } },
  {
    code: "criminal",
    article: "274",
    label: { en: "Spreading knowingly false information", ru: "Распространение заведомо ложной информации" },
  },
  {
    code: "criminal",
    article: "378",
    label: { en: "Insulting a representative of authority", ru: "Оскорбление представителя власти" },
  },
  {
    code: "criminal",
    article: "380",
    label: {
      en: "Violence against a representative of authority",
      ru: "Насилие в отношении представителя власти",
    },
  },
  {
    code: "criminal",
    article: "392",
    label: {
      en: "Illegal crossing of the state border",
      ru: "Незаконное пересечение государственной границы",
    },
  },
  {
    code: "criminal",
    article: "400",
    label: { en: "Violating the rules for holding assemblies", ru: "Нарушение порядка проведения собраний" },
  },
  {
    code: "criminal",
    article: "428",
    label: { en: "Disobeying prison administration", ru: "Неповиновение администрации учреждения" },
  },
  {
    code: "criminal",
    article: "106",
    label: { en: "Causing grievous bodily harm", ru: "Причинение тяжкого вреда здоровью" },
  },
  { code: "criminal", article: "190", label: { en: "Fraud", ru: "Мошенничество" } },
  {
    code: "criminal",
    article: "176",
    label: { en: "Misappropriation or embezzlement", ru: "Присвоение или растрата" },
  },
  {
    code: "criminal",
    article: "218",
    label: { en: "Money laundering", ru: "Легализация (отмывание) денег" },
  },
  { code: "criminal", article: "245", label: { en: "Tax evasion", ru: "Уклонение от уплаты налогов" } },
  { code: "criminal", article: "296", label: { en: "Drug offences", ru: "Незаконный оборот наркотиков" } },
  {
    code: "criminal",
    article: "419",
    label: { en: "Knowingly false denunciation", ru: "Заведомо ложный донос" },
  },
  {
    code: "administrative",
    article: "488",
    label: {
      en: "Violating the law on peaceful assemblies",
      ru: "Нарушение законодательства о мирных собраниях",
    },
  },
  {
    code: "administrative",
    article: "667",
    label: {
      en: "Disobeying a lawful demand of a police officer",
      ru: "Неповиновение законному требованию сотрудника полиции",
    },
  },
  {
    code: "administrative",
    article: "443",
    label: {
      en: "Disobeying a person keeping public order",
      ru: "Неповиновение лицу, охраняющему общественный порядок",
    },
  },
  {
    code: "civil",
    article: "143",
    label: {
      en: "Protection of honour, dignity and business reputation",
      ru: "Защита чести, достоинства и деловой репутации",
    },
  },
];

export function articleLabel(
  code: LegalCode,
  article: string,
  locale: "en" | "ru" | "kk" = "en",
): string | undefined {
  const base = article.split(".")[0];
  const label = ARTICLES.find((a) => a.code === code && (a.article === article || a.article === base))?.label;
  return label ? (label[locale] ?? label.en) : undefined;
}

const CODE_ABBR: Record<"en" | "ru" | "kk", Record<LegalCode, string>> = {
  en: { criminal: "CC", administrative: "AC", civil: "Civ.C" },
  ru: { criminal: "УК РК", administrative: "КоАП РК", civil: "ГК РК" },
  kk: { criminal: "ҚР ҚК", administrative: "ҚР ӘҚБтК", civil: "ҚР АК" },
};

/**
 * An article as lawyers write it in each language: "CC 405(2)"; "ст. 405 ч. 2 УК РК", "ст. 488 КоАП РК";
 * "ҚР ҚК 405-бабының 2-бөлігі", "ҚР ӘҚБтК 488-бабы".
 */
export function formatArticle(
  c: { code: LegalCode; article: string; part?: string | undefined },
  locale: "en" | "ru" | "kk" = "en",
): string {
  const abbr = CODE_ABBR[locale][c.code];
  if (locale === "ru") return `ст. ${c.article}${c.part ? ` ч. ${c.part}` : ""} ${abbr}`;
  if (locale === "kk") return `${abbr} ${c.article}-${c.part ? `бабының ${c.part}-бөлігі` : "бабы"}`;
  return `${abbr} ${c.article}${c.part ? `(${c.part})` : ""}`;
}

/** The compact form of an article key of the lists ("criminal:405") in each language. */
export function formatArticleKey(key: string, locale: "en" | "ru" | "kk" = "en"): string {
  const [code, article] = key.includes(":") ? key.split(":") : ["criminal", key];
  return formatArticle({ code: code as LegalCode, article: article ?? "" }, locale);
}
