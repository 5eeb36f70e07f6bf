/** Strings of the CSV import screen, merged into each catalogue. */
export const importEn = {
  "import.title": "Import persons from CSV",
  "import.help":
    'Columns: id (your stable external id), name, variants (separated by " | "), gender, birth_year, region, place, occupation, summary, source (source id), lines ("12-14"). Records are created as drafts; importing the same file again changes nothing.',
  "import.file": "CSV file",
  "import.template": "Download a template",
  "import.preview": "Preview",
  "import.run": "Import {n} row(s)",
  "import.progress": "{done} of {total} rows",
  "import.line": "Line",
  "import.status": "Result",
  "import.errors": "Problems",
  "import.summary": "{created} new, {updated} updated, {unchanged} unchanged, {errors} with errors",
  "import.done":
    "Imported: {created} new, {updated} updated, {unchanged} unchanged. {errors} row(s) had errors and were skipped.",
  "import.status.create": "new",
  "import.status.update": "update",
  "import.status.unchanged": "unchanged",
  "import.status.error": "error",
  "import.status.proposed": "sent for review",
  "import.changes": "changes: {fields}",
  "import.duplicates": "possibly the same person as: {names}",
  "import.noRows": "The file has no data rows.",
} as const;

export const importRu: Record<keyof typeof importEn, string> = {
  "import.title": "Импорт людей из CSV",
  "import.help":
    'Столбцы: id (ваш постоянный внешний идентификатор), name, variants (через " | "), gender, birth_year, region, place, occupation, summary, source (идентификатор источника), lines ("12-14"). Записи создаются как черновики; повторный импорт того же файла ничего не меняет.',
  "import.file": "Файл CSV",
  "import.template": "Скачать шаблон",
  "import.preview": "Предпросмотр",
  "import.run": "Импортировать строк: {n}",
  "import.progress": "{done} из {total} строк",
  "import.line": "Строка",
  "import.status": "Результат",
  "import.errors": "Проблемы",
  "import.summary":
    "новых: {created}, обновлено: {updated}, без изменений: {unchanged}, с ошибками: {errors}",
  "import.done":
    "Импортировано: новых {created}, обновлено {updated}, без изменений {unchanged}. Строк с ошибками пропущено: {errors}.",
  "import.status.create": "новая",
  "import.status.update": "обновление",
  "import.status.unchanged": "без изменений",
  "import.status.error": "ошибка",
  "import.status.proposed": "отправлено на проверку",
  "import.changes": "изменения: {fields}",
  "import.duplicates": "возможно, тот же человек, что: {names}",
  "import.noRows": "В файле нет строк с данными.",
};

export const importKk: Record<keyof typeof importEn, string> = {
  "import.title": "Адамдарды CSV файлынан импорттау",
  "import.help":
    'Бағандар: id (тұрақты сыртқы идентификаторыңыз), name, variants (" | " арқылы бөлінеді), gender, birth_year, region, place, occupation, summary, source (дереккөз идентификаторы), lines ("12-14"). Жазбалар жоба ретінде жасалады; сол файлды қайта импорттау ештеңені өзгертпейді.',
  "import.file": "CSV файлы",
  "import.template": "Үлгіні жүктеп алу",
  "import.preview": "Алдын ала қарау",
  "import.run": "{n} жолды импорттау",
  "import.progress": "{done} / {total} жол",
  "import.line": "Жол",
  "import.status": "Нәтижесі",
  "import.errors": "Мәселелер",
  "import.summary":
    "жаңа: {created}, жаңартылды: {updated}, өзгеріссіз: {unchanged}, қатесі барлар: {errors}",
  "import.done":
    "Импортталды: жаңа {created}, жаңартылды {updated}, өзгеріссіз {unchanged}. Қатесі бар {errors} жол өткізіп жіберілді.",
  "import.status.create": "жаңа",
  "import.status.update": "жаңарту",
  "import.status.unchanged": "өзгеріссіз",
  "import.status.error": "қате",
  "import.status.proposed": "тексеруге жіберілді",
  "import.changes": "өзгерістер: {fields}",
  "import.duplicates": "мына адаммен бір адам болуы мүмкін: {names}",
  "import.noRows": "Файлда деректері бар жол жоқ.",
};
