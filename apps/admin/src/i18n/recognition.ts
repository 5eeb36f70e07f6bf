/** Strings of the recognition form's follow-up list (whether it was followed, ADR 019), merged into each catalogue. */
export const recognitionEn = {
  "recognition.followUp": "Whether it was followed (only what a cited source says; none = unknown)",
  "recognition.addFollowUp": "Add a follow-up",
  "recognition.outcome": "Outcome",
  "recognition.outcome.followed": "Followed",
  "recognition.outcome.partly-followed": "Partly followed",
  "recognition.outcome.not-followed": "Not followed",
  "recognition.asOf": "As of (the day the source reports it for)",
  "recognition.note": "Note",
};

export const recognitionRu: Record<keyof typeof recognitionEn, string> = {
  "recognition.followUp":
    "Выполнено ли (только то, что говорит цитируемый источник; нет записей — неизвестно)",
  "recognition.addFollowUp": "Добавить сведения о выполнении",
  "recognition.outcome": "Итог",
  "recognition.outcome.followed": "Выполнено",
  "recognition.outcome.partly-followed": "Выполнено частично",
  "recognition.outcome.not-followed": "Не выполнено",
  "recognition.asOf": "По состоянию на (дата, к которой относится сообщение источника)",
  "recognition.note": "Примечание",
};

export const recognitionKk: Record<keyof typeof recognitionEn, string> = {
  "recognition.followUp": "Орындалды ма (тек дәйексөз келтірілген дереккөз айтқаны; жазба жоқ — белгісіз)",
  "recognition.addFollowUp": "Орындалуы туралы мәлімет қосу",
  "recognition.outcome": "Нәтиже",
  "recognition.outcome.followed": "Орындалды",
  "recognition.outcome.partly-followed": "Ішінара орындалды",
  "recognition.outcome.not-followed": "Орындалмады",
  "recognition.asOf": "Жағдай күні (дереккөз хабарлаған күн)",
  "recognition.note": "Ескертпе",
};
