/** English strings of the methodology, recognition, citation and chart parts (merged into `en`). */
export const pagesEn = {
  about: {
    title: "About the registry and its method",
    intro:
      "How the registry decides whom it lists and how, where its facts come from, what it leaves out, and how to reuse and cite it.",
    contents: "On this page",
    criteria: {
      h: "Who is a political prisoner",
      p1: "The registry documents persons persecuted in Kazakhstan for peaceful dissent, as published human-rights reports describe them. Among them, a political prisoner is someone deprived of liberty on the day in question (serving a prison term, held in pre-trial detention or in a psychiatric institution) whose detention a source has assessed against at least one criterion of Resolution 1900 (2012) of the Parliamentary Assembly of the Council of Europe (PACE).",
      p2: "The criteria are: detention for exercising freedom of expression, assembly, association or belief; detention for purely political reasons; a length or conditions of detention disproportionate for political motives; discriminatory detention; and detention after clearly unfair proceedings connected with political motives.",
      p3: "Each person's page names the criteria that apply and gives the reasoning in our words, with a footnote to the report it comes from. An assessment counts only from the date of the source that made it. Everyone else documented here is on the list of the politically persecuted: charged, fined, under restriction of liberty, in exile, released or killed.",
    },
    sources: {
      h: "Sources and how facts are cited",
      p1: "The facts come from five published reports: by the Open Dialogue Foundation (2018, 2019 and 2021), by IPHR and KIBHR (2023) and by Human Rights Watch (2021). We summarise them in our own words and do not copy them.",
      p2: "Every stated fact (a charge, a measure of restraint, a sentence, an event, an assessment, a note) carries a numbered footnote naming the report and the line range in the registry's working copy of it, for example “lines 120–124”. At the end of each person page the footnotes are grouped by report, each report named once and linked to its entry on the sources page.",
    },
    status: {
      h: "How a status is derived and dated",
      p1: "A status is not typed in: it is computed from dated, cited facts (charges, measures of restraint, sentences, events such as a release or an acquittal) and from what a source reports about a person's situation on its own date. Before the first such fact the status is unknown. Nothing is assumed beyond the facts: when a term or the legal custody limit would run out, that date is shown as computed, never as a release.",
      p2: "Every status says when it was last reported and by which source. Partial dates stay partial: a fact known only to a month or a year counts from the last day of that month or year, so nothing is counted before it is certain. A detention whose computed end has passed with no later report keeps its status, “last reported” with its date, but is no longer counted among political prisoners.",
      p3: "The lists, the statistics and the open data can be read as of any past day, such as the date of a report: they then use only what the sources had reported by that day.",
    },
    withheld: {
      h: "What is withheld, and why",
      p1: "Some information is never published: relatives, contacts, curators' internal notes, and whether a person agreed to be named. Even a refusal to be named would point at the person, so it stays private too. These fields are stored apart from the public record; the public pages, the public API and the open data cannot read them.",
      p2: "Where naming a person could harm them, the record is published without the name (“Name withheld”); the facts and their sources remain. The registry publishes no photographs.",
    },
    corrections: {
      h: "Corrections and the public change log",
      p1: "Records are kept by the registry's curators. Every change, a correction included, goes through one checked path: it is validated, checked against the curator's role and recorded in an audit log whose entries are chained, so that an altered entry would be detected. A fact is corrected only on the strength of a source, which the corrected fact then cites.",
      p2: "Changes are public: each person page says when its record last changed, the home page lists the records curators changed most recently, and an Atom feed lists the most recently changed records.",
      feed: "The feed of changes",
    },
    licence: {
      h: "Licence and how to cite",
      p1: "The data are published under the Creative Commons Attribution 4.0 International licence (CC BY 4.0): you may reuse and adapt them for any purpose if you credit the registry. The software is free under the MIT licence.",
      p2: "To cite one person's record, open “Cite this record” on its page: it gives a permanent link to the person's status as of the day you read it, the data version, and the reference as text, BibTeX and CSL-JSON. To cite the registry as a whole:",
      whole:
        "{{site}}. ({{year}}). Political persecution in Kazakhstan [Data set, version {{version}}]. Retrieved {{date}}, from {{url}}",
    },
  },
  cite: {
    summary: "Cite this record",
    intro:
      "This page shows the record as of {{date}}, data version {{version}}. The permanent link shows the person's status as of that day; corrections made later also show there and in the change log.",
    permalink: "Permanent link",
    apa: "As text (APA style)",
    bibtex: "BibTeX",
    csl: "CSL-JSON",
    title: "{{name}}: record in the {{site}}",
    apaText: "{{site}}. ({{date}}). {{title}} [Data set record, version {{version}}]. {{url}}",
    note: "Data version {{version}}, status as of {{date}}",
    asOfNote: "The status on this page is as of {{date}}.",
  },
  recognition: {
    title: "International recognition",
    intro:
      "Decisions, opinions, statements and recommendations by international bodies, courts abroad, parliamentarians and non-governmental organisations about persons in the registry, as our sources report them. Newest first.",
    count_one: "{{count}} decision or recommendation",
    count_few: "{{count}} decisions and recommendations",
    count_many: "{{count}} decisions and recommendations",
    count_other: "{{count}} decisions and recommendations",
    body: "Body",
    year: "Year",
    when: "Date",
    about: "About",
    asks: "What it says or asks",
    followed: "Followed",
    followedUnknown: "Unknown: our sources do not say.",
    followedAsOf: "{{outcome}} as of {{date}}",
    outcome: "Whether followed",
    outcomes: {
      followed: "Followed",
      "partly-followed": "Partly followed",
      "not-followed": "Not followed",
      unknown: "Unknown",
    },
    sources: "Sources",
    none: "No decision or recommendation matches these filters.",
    reference: "reference",
    bodies: {
      "european-parliament": "European Parliament",
      "un-wgad": "UN Working Group on Arbitrary Detention",
      "un-human-rights-committee": "UN Human Rights Committee",
      "un-special-rapporteur": "UN Special Rapporteur",
      pace: "Parliamentary Assembly of the Council of Europe",
      osce: "OSCE",
      "us-congress": "United States Congress",
      "national-court-abroad": "A court in another country",
      ngo: "Non-governmental organisation",
      other: "Other",
    },
    kinds: {
      "named-political-prisoner": "Named as a political prisoner",
      "called-for-release": "Called for release",
      "arbitrary-detention": "Found the detention arbitrary",
      concern: "Expressed concern",
      asylum: "Protection abroad (asylum, no extradition)",
      other: "Other",
    },
  },
  charts: {
    overTime: "Political prisoners and persecuted persons over time",
    overTimeIntro:
      "Counted on the first day of each month and on each report's date, by the same rules as the lists as of a day. Dashed lines mark the reports' dates.",
    partial:
      "A fact dated only to a month or a year counts from the last day of that month or year, so the lines rise no earlier than the sources make certain. A status no source reported again stays as last reported until its computed end.",
    pp: "Political prisoners",
    persecuted: "Other persons whose persecution was recorded by that day",
    report: "Report",
    day: "Date",
    point: "{{series}} on {{date}}: {{count}}",
    links: "Each bar and point links to the list it counts.",
    prosecutions: "Prosecutions",
    table: "The same numbers as a table",
    recordedNote: "Only persons whose persecution was recorded by that day (a status is known for it).",
    empty: "No status is recorded yet.",
  },
  pager: {
    label: "Pages",
    previous: "Previous page",
    next: "Next page",
    page: "Page {{n}}",
    position: "Page {{page}} of {{pages}}",
  },
};

type Widen<T> = { [K in keyof T]: T[K] extends string ? string : Widen<T[K]> };
export type PagesCatalog = Widen<typeof pagesEn>;
