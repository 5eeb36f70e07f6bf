/** English strings of the readers' form (merged into `en`). */
export const submitEn = {
  submit: {
    footer: "Send a correction",
    title: "Send a correction or a new case",
    titleFor: "Suggest a correction: {{name}}",
    link: "Suggest a correction to this record",
    intro:
      "If you know something the registry has wrong or lacks, or a person it does not list, tell the curators here. What you send is not published: a curator reads it, checks it against sources, and only a checked, cited fact can change the registry.",
    about: "About",
    kind: "What are you sending?",
    kindCorrection: "A correction or an addition to a person's record",
    kindNewCase: "A person who is not in the registry",
    text: "What you know",
    textHint: "Facts, dates, places; at most {{max}} characters.",
    source: "Where it comes from (optional)",
    sourceHint: "A link, a publication, a court document, or how you know it.",
    contact: "How to reach you (optional, private)",
    contactHint:
      "An e-mail address, a phone or a messenger, if a curator may ask you a question. Only curators see it; it is never published.",
    consent:
      "I agree that the registry keeps what I send, privately, for its curators to check, and that a curator may contact me if I gave a contact.",
    honeypot: "Leave this field empty",
    send: "Send to the curators",
    errors: {
      heading: "The form was not sent",
      token:
        "The form has expired or was not opened on this site. Please check what you wrote and send it again.",
      origin: "The form was sent from another site and was refused.",
      rate: "Too many forms were sent from your connection. Please try again in an hour.",
      tooLarge: "What you sent is too long: at most {{max}} characters for what you know.",
      text: "Please write what you know, in at most {{max}} characters.",
      source: "The source is too long (at most {{max}} characters).",
      contact: "The contact is too long (at most {{max}} characters).",
      consent: "Please tick the box to agree that we keep what you send.",
      invalid: "Something in the form is not valid; please check it.",
    },
    sent: {
      title: "Thank you: your message has reached the curators",
      p1: "It is kept privately and is not published.",
      p2: "A curator will read it and check it against published sources. If it is confirmed, the record is corrected or a new record is drafted, with its sources, and appears on the site only after review.",
      p3: "If you left a contact, a curator may write to you with a question; we do not send automatic replies.",
      back: "Back to the registry",
    },
  },
};
