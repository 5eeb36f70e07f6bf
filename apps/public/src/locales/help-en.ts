/** English strings of "How to help" (ADR 020): the general page and a person's section (merged into `en`). */
export const helpEn = {
  help: {
    footer: "How to help",
    title: "How to help: letters to prisoners and support for families",
    intro:
      "Letters tell a person in detention that they are not forgotten, and they tell the institution that someone outside is watching. This page gives general advice that holds for writing to prisoners anywhere; it is not legal advice, and each institution has its own rules, which change.",
    contents: "On this page",
    where: {
      h: "Where a person is held",
      p1: 'Where one of our sources says where a person is held, their page has a "How to help" section: the institution, its postal address where a source gives one, what may be sent and in which languages, with the sources and the day a source last confirmed it. People are moved between institutions and released: a date of several months ago may no longer be right.',
      p2: "We publish where a person is held only for people who are named by public sources or who agreed to be named, never for people whose names are withheld.",
      list: "Political prisoners in the registry",
      submit:
        "If you know where someone is held now, and how you know it, tell the curators: they check it against a source before anything is published.",
      submitLink: "Send a correction",
    },
    write: {
      h: "Writing a letter",
      i1: "Assume that staff will read every letter before the person does. Write nothing you would not want an official to read.",
      i2: "Write in a language the person reads. Letters in a language the staff do not read may be held back or delayed.",
      i3: "Keep it short and personal: everyday news, books, weather, words of support. Handwritten or printed, clearly legible.",
      i4: "Put the person's full name (with patronymic, where they have one) and, if that is safe for you, your return address on the envelope.",
      i5: "Number your letters, so that the person knows whether one went missing, and do not expect an answer: many prisoners cannot reply, or cannot reply often.",
      i6: "Before sending anything other than a letter (parcels, money, books, photographs), ask the family or a lawyer what the institution allows.",
    },
    avoid: {
      h: "What to avoid",
      i1: "Do not write about the criminal case, the charges, the evidence, witnesses or co-defendants: letters can be read by investigators and used in court.",
      i2: "Do not name or describe relatives, friends or other activists who have not spoken publicly, and do not give their contacts.",
      i3: "Do not ask the person about other prisoners or about conditions in the institution in a way that could bring them punishment.",
      i4: "Do not promise what you cannot do (release, money, a visit), and do not pass on rumours about their case.",
      i5: "Do not publish the person's letters or replies without their consent.",
    },
    families: {
      h: "Supporting families",
      i1: "Families of prisoners carry the costs of lawyers, travel to distant institutions and parcels, often with one income fewer. Ask them what would help rather than guessing.",
      i2: "Respect their privacy: do not publish their names, photographs or addresses without their consent. The registry never publishes relatives.",
      i3: "Put them in touch with human-rights organisations and lawyers who work on such cases; the reports we cite name several of them.",
      i4: "Keep in touch after the trial and after release: support is needed for years, not weeks.",
    },
    person: {
      h: "How to help",
      intro: "Where a source says the person is held. Letters show that they are not forgotten.",
      institution: "Held in",
      address: "Postal address",
      unknown: "Not published: no source we cite gives it.",
      mayBeSent: "What may be sent",
      languages: "Letters in",
      checkedOn: "Checked on",
      caveat:
        "People are moved and released: check with the family or a lawyer before sending anything other than a letter.",
      general: "How to write letters and support families",
    },
  },
};
