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
      ru: "Организация и участие в деятельности общественного или религиозного объединения либо иной организации после решения суда о запрете их деятельности или ликвидации в связи с осуществлением ими экстремизма или терроризма",
      kk: "Қоғамдық немесе діни бірлестіктің не өзге де ұйымның экстремизмді немесе терроризмді жүзеге асыруына байланысты олардың қызметіне соттың тыйым салу немесе тарату туралы шешімінен кейін олардың қызметін ұйымдастыру және оған қатысу",
    },
  },
  {
    code: "criminal",
    article: "174",
    label: {
      en: "Inciting social, national or other discord",
      ru: "Возбуждение социальной, национальной, родовой, расовой, сословной или религиозной розни",
      kk: "Әлеуметтік, ұлттық, рулық, нәсілдік, тектік-топтық немесе діни алауыздықты қоздыру",
    },
  },
  {
    code: "criminal",
    article: "179",
    label: {
      en: "Calls for seizure or retention of power",
      ru: "Пропаганда или публичные призывы к захвату или удержанию власти, а равно захват или удержание власти либо насильственное изменение конституционного строя Республики Казахстан",
      kk: "Билікті басып алуды немесе ұстап тұруды насихаттау немесе оған жария түрде шақыру, сол сияқты билікті басып алу немесе ұстап тұру не Қазақстан Республикасының конституциялық құрылысын күштеп өзгерту",
    },
  },
  {
    code: "criminal",
    article: "182",
    label: {
      en: "Creating, leading or participating in an extremist group",
      ru: "Создание, руководство экстремистской группой или участие в ее деятельности",
      kk: "Экстремистік топ құру, оған басшылық ету немесе оның әрекетіне қатысу",
    },
  },
  {
    code: "criminal",
    article: "256",
    label: {
      en: "Propaganda of terrorism",
      ru: "Пропаганда терроризма или публичные призывы к совершению акта терроризма",
      kk: "Терроризмді насихаттау немесе терроризм актісін жасауға жария түрде шақыру",
    },
  },
  {
    code: "criminal",
    article: "258",
    label: {
      en: "Financing extremist or terrorist activity",
      ru: "Финансирование террористической или экстремистской деятельности и иное пособничество терроризму либо экстремизму",
      kk: "Террористік немесе экстремистік әрекетті қаржыландыру және терроризмге не экстремизмге өзге де дем берушілік",
    },
  },
  {
    code: "criminal",
    article: "262",
    label: {
      en: "Creating or participating in an organised criminal group",
      ru: "Создание и руководство организованной группой, преступной организацией, а равно участие в них",
      kk: "Ұйымдасқан топ, қылмыстық ұйым құру және оларға басшылық ету, сол сияқты оларға қатысу",
    },
  },
  {
    code: "criminal",
    article: "266",
    label: {
      en: "Financing or servicing a criminal group",
      ru: "Финансирование деятельности преступной группы, а равно хранение, распределение имущества, разработка каналов финансирования",
      kk: "Қылмыстық топтың әрекетін қаржыландыру, сол сияқты мүлікті сақтау, бөлу, қаржыландыру арналарын әзірлеу",
    },
  },
  {
    code: "criminal",
    article: "272",
    label: {
      en: "Mass riots",
      ru: "Массовые беспорядки",
      kk: "Жаппай тәртіпсіздік",
    },
  },
  {
    code: "criminal",
    article: "274",
    label: {
      en: "Spreading knowingly false information",
      ru: "Распространение заведомо ложной информации",
      kk: "Көрінеу жалған ақпарат тарату",
    },
  },
  {
    code: "criminal",
    article: "378",
    label: {
      en: "Insulting a representative of authority",
      ru: "Оскорбление представителя власти",
      kk: "Билік өкілін қорлау",
    },
  },
  {
    code: "criminal",
    article: "380",
    label: {
      en: "Violence against a representative of authority",
      ru: "Угроза или насильственные действия в отношении представителя власти",
      kk: "Билік өкіліне қатысты қорқыту немесе күш көрсету әрекеттері",
    },
  },
  {
    code: "criminal",
    article: "392",
    label: {
      en: "Illegal crossing of the state border",
      ru: "Умышленное незаконное пересечение Государственной границы Республики Казахстан",
      kk: "Қазақстан Республикасының Мемлекеттік шекарасын қасақана заңсыз кесіп өту",
    },
  },
  {
    code: "criminal",
    article: "400",
    label: {
      en: "Violating the rules for holding assemblies",
      ru: "Нарушение порядка организации и проведения мирных собраний",
      kk: "Бейбіт жиналыстарды ұйымдастыру және өткізу тәртібін бұзу",
    },
  },
  {
    code: "criminal",
    article: "428",
    label: {
      en: "Disobeying prison administration",
      ru: "Неповиновение законным требованиям администрации уголовно-исполнительного учреждения",
      kk: "Қылмыстық-атқару мекемесі әкімшілігінің заңды талаптарына бағынбау",
    },
  },
  {
    code: "criminal",
    article: "106",
    label: {
      en: "Causing grievous bodily harm",
      ru: "Умышленное причинение тяжкого вреда здоровью",
      kk: "Денсаулыққа қасақана ауыр зиян келтіру",
    },
  },
  {
    code: "criminal",
    article: "190",
    label: {
      en: "Fraud",
      ru: "Мошенничество",
      kk: "Алаяқтық",
    },
  },
  {
    code: "criminal",
    article: "176",
    label: {
      // The article of the 1997 Code, as report 000 cites it; the 2014 Code (in force since 2015) has it as 189.
      en: "Misappropriation or embezzlement (1997 Code; article 189 since 2015)",
      ru: "Присвоение или растрата вверенного чужого имущества (УК 1997 г.; с 2015 г. — ст. 189)",
      kk: "Сеніп тапсырылған бөтен мүлікті иемденіп алу немесе талан-таражға салу (1997 жылғы ҚК; 2015 жылдан — 189-бап)",
    },
  },
  {
    code: "criminal",
    article: "218",
    label: {
      en: "Money laundering",
      ru: "Легализация (отмывание) денег и (или) иного имущества, полученных преступным путем",
      kk: "Қылмыстық жолмен алынған ақшаны және (немесе) өзге мүлікті заңдастыру (жылыстату)",
    },
  },
  {
    code: "criminal",
    article: "245",
    label: {
      en: "Tax evasion",
      ru: "Уклонение от уплаты налога и (или) других обязательных платежей в бюджет с организаций",
      kk: "Ұйымдарға салынатын салықты және (немесе) бюджетке төленетін басқа да міндетті төлемдерді төлеуден жалтару",
    },
  },
  {
    code: "criminal",
    article: "296",
    label: {
      en: "Drug offences",
      ru: "Незаконное обращение с наркотическими средствами, психотропными веществами, их аналогами без цели сбыта",
      kk: "Есірткі, психотроптық заттармен, сол тектестермен өткізу мақсатынсыз заңсыз жұмыс істеу",
    },
  },
  {
    code: "criminal",
    article: "419",
    label: {
      en: "Knowingly false denunciation",
      ru: "Заведомо ложный донос",
      kk: "Көрінеу жалған сөз жеткізу",
    },
  },
  {
    code: "administrative",
    article: "488",
    label: {
      en: "Violating the law on peaceful assemblies",
      ru: "Нарушение законодательства Республики Казахстан о порядке организации и проведения мирных собраний",
      kk: "Қазақстан Республикасының бейбіт жиналыстарды ұйымдастыру және өткізу тәртібі туралы заңнамасын бұзу",
    },
  },
  {
    code: "administrative",
    article: "667",
    label: {
      en: "Disobeying a lawful demand of a police officer",
      ru: "Неповиновение законному распоряжению или требованию сотрудника (военнослужащего) правоохранительного или специального государственного органа, органа военной полиции, государственной фельдъегерской службы, судебного пристава, судебного исполнителя",
      kk: "Құқық қорғау органы немесе арнаулы мемлекеттік орган, әскери полиция органы, мемлекеттік фельдъегерлік қызмет қызметкерінің (әскери қызметшісінің), сот приставының, сот орындаушысының заңды өкіміне немесе талабына бағынбау",
    },
  },
  {
    code: "administrative",
    article: "443",
    label: {
      en: "Disobeying a person keeping public order",
      ru: "Неповиновение законному требованию лица, участвующего в обеспечении общественного порядка",
      kk: "Қоғамдық тәртіпті қамтамасыз етуге қатысатын адамның заңды талабына бағынбау",
    },
  },
  {
    code: "civil",
    article: "143",
    label: {
      en: "Protection of honour, dignity and business reputation",
      ru: "Защита чести, достоинства и деловой репутации",
      kk: "Ар-намысты, қадір-қасиетті және іскерлік беделді қорғау",
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
