/** Strings of the person editor's "How to help" entries (ADR 020), merged into each catalogue. */
export const helpEn = {
  "help.entries": "How to help: where the person is held",
  "help.intro":
    'Published on the person\'s page only if the person is named and their consent is "public source" or "consent given". Only what a source states: leave the address empty unless a source gives it.',
  "help.institution": "Institution",
  "help.address": "Postal address (only from a source)",
  "help.mayBeSent": "What may be sent",
  "help.languages": "Letter languages (codes, e.g. kk, ru)",
  "help.checkedOn": "Checked on (when a source last confirmed it)",
};

export const helpRu: Record<keyof typeof helpEn, string> = {
  "help.entries": "Как помочь: где содержится человек",
  "help.intro":
    "Публикуется на странице человека, только если он назван и его согласие — «публичный источник» или «согласие дано». Только то, что сообщает источник: оставьте адрес пустым, если источник его не приводит.",
  "help.institution": "Учреждение",
  "help.address": "Почтовый адрес (только из источника)",
  "help.mayBeSent": "Что можно отправлять",
  "help.languages": "Языки писем (коды, например kk, ru)",
  "help.checkedOn": "Проверено (когда источник последний раз подтвердил)",
};

export const helpKk: Record<keyof typeof helpEn, string> = {
  "help.entries": "Қалай көмектесуге болады: адам қайда ұсталып отыр",
  "help.intro":
    "Адамның бетінде ол аты аталған және оның келісімі «ашық дереккөз» немесе «келісім берілген» болса ғана жарияланады. Тек дереккөз хабарлағаны: дереккөз мекенжайды бермесе, оны бос қалдырыңыз.",
  "help.institution": "Мекеме",
  "help.address": "Пошта мекенжайы (тек дереккөзден)",
  "help.mayBeSent": "Не жіберуге болады",
  "help.languages": "Хат тілдері (кодтар, мысалы kk, ru)",
  "help.checkedOn": "Тексерілген күні (дереккөз соңғы рет растаған күн)",
};
