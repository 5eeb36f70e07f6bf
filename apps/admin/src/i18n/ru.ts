import { submissionsRu } from "./submissions.ts";
import { helpRu } from "./help.ts";
import { recognitionRu } from "./recognition.ts";
import { commonRu } from "./common.ts";
import { editingRu } from "./editing.ts";
import { personsRu } from "./persons.ts";
import { casesRu } from "./cases.ts";
import { assistantRu } from "./assistant.ts";
import { importRu } from "./import.ts";
import { revisionsRu } from "./revisions.ts";
import { authRu } from "./auth.ts";
import type { MessageKey } from "./en.ts";

export const ru: Record<MessageKey, string> = {
  ...commonRu,
  ...editingRu,
  ...personsRu,
  ...casesRu,
  ...assistantRu,
  ...importRu,
  ...revisionsRu,
  ...authRu,
  ...submissionsRu,
  ...helpRu,
  ...recognitionRu,
};

/** The domain's own messages (custom refinements), in Russian. Unknown ones are shown as they are. */
export const ruDomainMessages: Record<string, string> = {
  Required: "Обязательное поле",
  "Mark exactly one name as primary": "Отметьте ровно одно имя как основное",
  "The primary name must be in Latin script": "Основное имя должно быть написано латиницей",
  "An anonymous person's slug must start with 'withheld-' and not contain the name":
    "Адрес анонимного человека должен начинаться с «withheld-» и не содержать имени",
  "A citation needs a line range or a locator": "Для ссылки нужен диапазон строк или указание места",
  "The first line must not be after the last": "Первая строка не может быть после последней",
  "Not a defendant in this case": "Этот человек не обвиняемый по делу",
  "Expected a date as YYYY, YYYY-MM or YYYY-MM-DD (1900-2100)":
    "Дата в виде ГГГГ, ГГГГ-ММ или ГГГГ-ММ-ДД (1900–2100)",
  "A range must not end before it starts": "Конец периода не может быть раньше начала",
  "An article number such as 405 or 272.1": "Номер статьи, например 405 или 272.1",
  "A part number such as 2": "Номер части, например 2",
  "Use 1-100 lowercase letters, digits and hyphens": "1–100 строчных латинских букв, цифр и дефисов",
  "ISO 3166 two-letter code": "Двухбуквенный код ISO 3166",
  "ISO 4217 code such as KZT or EUR": "Код ISO 4217, например KZT или EUR",
  "Text must not contain NUL characters": "Текст не должен содержать символ NUL",
  "This slug is taken": "Этот адрес уже занят",
  "The id cannot change": "Идентификатор нельзя изменить",
  "Wrong e-mail or password": "Неверная эл. почта или пароль",
  "Wrong code": "Неверный код",
  "Log in first": "Сначала войдите",
  "A user with this e-mail exists": "Пользователь с такой эл. почтой уже есть",
  "At least 12 characters": "Не менее 12 символов",
  "The current password is wrong": "Текущий пароль неверен",
  "You cannot disable yourself": "Нельзя отключить самого себя",
  "A measure needs the date it began": "Для меры пресечения нужна дата начала",
  "A sentence needs the date it was imposed": "Для приговора нужна дата вынесения",
  "An event needs its date": "Для события нужна дата",
};
