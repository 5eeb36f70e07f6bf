import { submissionsKk } from "./submissions.ts";
import { helpKk } from "./help.ts";
import { recognitionKk } from "./recognition.ts";
import { commonKk } from "./common.ts";
import { editingKk } from "./editing.ts";
import { personsKk } from "./persons.ts";
import { casesKk } from "./cases.ts";
import { assistantKk } from "./assistant.ts";
import { importKk } from "./import.ts";
import { revisionsKk } from "./revisions.ts";
import { authKk } from "./auth.ts";
import type { MessageKey } from "./en.ts";

/**
 * Kazakh UI strings (Cyrillic). Terms follow the public site's catalog (apps/public/src/locales/kk.ts):
 * дереккөз, іс, айып, бұлтартпау шарасы, үкім, бап, өңір, ЕКПА, саяси тұтқын.
 */
export const kk: Record<MessageKey, string> = {
  ...commonKk,
  ...editingKk,
  ...personsKk,
  ...casesKk,
  ...assistantKk,
  ...importKk,
  ...revisionsKk,
  ...authKk,
  ...submissionsKk,
  ...helpKk,
  ...recognitionKk,
};

/** The domain's own messages (custom refinements), in Kazakh. Unknown ones are shown as they are. */
export const kkDomainMessages: Record<string, string> = {
  Required: "Міндетті өріс",
  "Mark exactly one name as primary": "Дәл бір есімді негізгі деп белгілеңіз",
  "The primary name must be in Latin script": "Негізгі есім латын әліпбиімен жазылуы керек",
  "An anonymous person's slug must start with 'withheld-' and not contain the name":
    "Анонимді адамның мекенжайы «withheld-» деп басталуы және есімін қамтымауы керек",
  "A citation needs a line range or a locator": "Сілтеме үшін жолдар ауқымы немесе орын көрсеткіші қажет",
  "The first line must not be after the last": "Бірінші жол соңғы жолдан кейін болмауы керек",
  "Not a defendant in this case": "Бұл адам осы іс бойынша айыпталушы емес",
  "Expected a date as YYYY, YYYY-MM or YYYY-MM-DD (1900-2100)":
    "Күн ЖЖЖЖ, ЖЖЖЖ-АА немесе ЖЖЖЖ-АА-КК түрінде (1900–2100) болуы керек",
  "A range must not end before it starts": "Кезеңнің соңы басынан бұрын болмауы керек",
  "An article number such as 405 or 272.1": "Бап нөмірі, мысалы 405 немесе 272.1",
  "A part number such as 2": "Бөлік нөмірі, мысалы 2",
  "Use 1-100 lowercase letters, digits and hyphens": "1–100 кіші латын әрпі, цифр және дефис",
  "ISO 3166 two-letter code": "ISO 3166 бойынша екі әріпті код",
  "ISO 4217 code such as KZT or EUR": "ISO 4217 коды, мысалы KZT немесе EUR",
  "Text must not contain NUL characters": "Мәтінде NUL таңбасы болмауы керек",
  "This slug is taken": "Бұл мекенжай бос емес",
  "The id cannot change": "Идентификаторды өзгертуге болмайды",
  "Wrong e-mail or password": "Эл. пошта немесе құпиясөз қате",
  "Wrong code": "Код қате",
  "Log in first": "Алдымен жүйеге кіріңіз",
  "A user with this e-mail exists": "Мұндай эл. поштамен тіркелген пайдаланушы бар",
  "At least 12 characters": "Кемінде 12 таңба",
  "The current password is wrong": "Ағымдағы құпиясөз қате",
  "You cannot disable yourself": "Өзіңізді өшіре алмайсыз",
  "A measure needs the date it began": "Бұлтартпау шарасына басталған күні керек",
  "A sentence needs the date it was imposed": "Үкімге шығарылған күні керек",
  "An event needs its date": "Оқиғаға күні керек",
};
