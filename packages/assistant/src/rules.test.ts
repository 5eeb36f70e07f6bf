import { describe, expect, it } from "vitest";
import { findDates } from "./dates.ts";
import { findCharges, readFacts } from "./facts.ts";
import { propose } from "./propose.ts";
import { sentences } from "./text.ts";

// Invented snippets: no name here belongs to anyone in the reports.
describe("charges", () => {
  it("reads an article with its part in the forms reports use", () => {
    const read = (t: string) =>
      findCharges(t).map((c) => `${c.code}:${c.article}${c.part ? `(${c.part})` : ""}`);
    expect(read("charged under Article 405(2) of the Criminal Code")).toEqual(["criminal:405(2)"]);
    expect(read("accused under art. 174 part 1")).toEqual(["criminal:174(1)"]);
    expect(read("по ч. 2 ст. 405 УК РК")).toEqual(["criminal:405(2)"]);
    expect(read("(part 2, Art. 405 of the CC)")).toEqual(["criminal:405(2)"]);
    expect(read("under articles 272 and 269 of the Criminal Code")).toEqual(["criminal:272", "criminal:269"]);
    expect(read("under articles 266 (financing a criminal group) and 405")).toEqual([
      "criminal:266",
      "criminal:405",
    ]);
    expect(read("(Article 405 Part 1 and Part 2 of the Criminal Code)")).toEqual([
      "criminal:405(1)",
      "criminal:405(2)",
    ]);
    expect(read("under article 272.1")).toEqual(["criminal:272.1"]);
    expect(read("3 days of arrest under Art. 488 of the Administrative Code")).toEqual([
      "administrative:488",
    ]);
    expect(read("In 2019, 5 people were fined.")).toEqual([]);
    expect(read('a member of the group "Article 14" was charged')).toEqual([]);
    expect(read("(Article 179, section 2 of the CC)")).toEqual(["criminal:179(2)"]);
  });
});

describe("dates", () => {
  const values = (t: string) => findDates(t).map((d) => d.value);
  it("keeps partial dates partial: a month and year stay YYYY-MM, a year stays YYYY", () => {
    expect(values("sentenced in October 2019 to")).toEqual([{ date: "2019-10" }]);
    expect(values("detained on 3 July 2019 and on July 7, 2018")).toEqual([
      { date: "2019-07-03" },
      { date: "2018-07-07" },
    ]);
    expect(values("protests since 2018")).toEqual([{ date: "2018" }]);
    expect(values("in early June 2021")).toEqual([{ date: "2021-06", approx: true }]);
    expect(values("задержан 12 января 2022 года, осуждён в июле 2022")).toEqual([
      { date: "2022-01-12" },
      { date: "2022-07" },
    ]);
    expect(values("on 17.09.2018")).toEqual([{ date: "2018-09-17" }]);
    expect(values("about 300 people, 2018 of them")).toEqual([]);
  });
});

describe("facts", () => {
  it("reads detention, measure, charge and sentence with dates, places and the sentence's lines", () => {
    const facts = readFacts(
      "On 5 March 2020 he was detained in Aktobe, placed in pre-trial detention and charged under Article 405(1); in May 2021 a court sentenced him to two and a half years in prison.",
      [4, 5],
    );
    expect(facts).toContainEqual({
      kind: "detention",
      date: { date: "2020-03-05" },
      place: "Aktobe",
      lines: [4, 5],
    });
    expect(facts).toContainEqual(
      expect.objectContaining({ kind: "measure", measure: "pre-trial-detention" }),
    );
    expect(facts).toContainEqual(expect.objectContaining({ kind: "charge", article: "405", part: "1" }));
    expect(facts).toContainEqual(
      expect.objectContaining({
        kind: "sentence",
        sentence: "imprisonment",
        termMonths: 30,
        imposed: { date: "2021-05" },
      }),
    );
  });
  it("reads restricted freedom, administrative arrest and a release", () => {
    const f = readFacts(
      "She was given one year of restricted freedom and later 15 days of administrative arrest.",
      [1, 1],
    );
    expect(f).toContainEqual(expect.objectContaining({ sentence: "restriction-of-liberty", termMonths: 12 }));
    expect(f).toContainEqual(expect.objectContaining({ sentence: "administrative-arrest", days: 15 }));
    expect(readFacts("He was released on 2 June 2021.", [9, 9])).toContainEqual({
      kind: "release",
      date: { date: "2021-06-02" },
      lines: [9, 9],
    });
    expect(readFacts("They call for the release of all political prisoners.", [1, 1])).toEqual([]);
  });
});

describe("text", () => {
  it("joins words hyphenated across lines and cites every line a sentence spans", () => {
    const s = sentences(["The activist Berikbol Tanat-", "bayev was detained.", "", "Next paragraph."]);
    expect(s[0]).toMatchObject({ text: "The activist Berikbol Tanatbayev was detained.", lines: [1, 2] });
    expect(s[1]).toMatchObject({ text: "Next paragraph.", lines: [4, 4] });
  });
});

describe("propose", () => {
  const report = [
    "**Kuanysh Oralbekov**, 34, a blogger from Almaty, was detained on 3 July 2019.",
    "Oralbekov was charged under Article 174 part 1 and placed under house arrest.",
    "The Democratic Choice rally in Nur-Sultan was dispersed by police; Minister Daulet Zhaksybekov praised the police.",
    "Жанар Темиргалиева задержана 12 января 2022 года в Алматы.",
    "Activists Ermek Sagyndykov, Aigerim Tulegenova and Bolat Zhumabekuly were fined in March 2020.",
    "Mr Ospanbek Dauletbayev, researcher at Human Rights Watch, said the trial was unfair.",
  ];
  it("finds persons in several forms, with their facts, and not organisations, places or officials", () => {
    const ps = propose(report);
    const names = ps.map((p) => p.names[0]?.text).sort();
    expect(names).toEqual([
      "Aigerim Tulegenova",
      "Bolat Zhumabekuly",
      "Ermek Sagyndykov",
      "Kuanysh Oralbekov",
      "Жанар Темиргалиева",
    ]);
    const k = ps.find((p) => p.names[0]?.text === "Kuanysh Oralbekov");
    expect(k?.mentions).toEqual([
      [1, 1],
      [2, 2],
    ]);
    expect(k?.facts).toContainEqual(
      expect.objectContaining({ kind: "charge", article: "174", part: "1", lines: [2, 2] }),
    );
    expect(k?.facts).toContainEqual(
      expect.objectContaining({ kind: "detention", date: { date: "2019-07-03" } }),
    );
    const c = ps.find((p) => p.names[0]?.script === "cyrillic-ru");
    expect(c?.facts).toContainEqual(
      expect.objectContaining({ kind: "detention", date: { date: "2022-01-12" }, place: "Алматы" }),
    );
    expect(ps.find((p) => p.names[0]?.text === "Bolat Zhumabekuly")?.facts).toContainEqual(
      expect.objectContaining({ kind: "sentence", imposed: { date: "2020-03" } }),
    );
  });
  it("proposes an addition to a known person matched by name key, in another order and script", () => {
    const ps = propose(report, [
      { id: "p-1", names: ["Oralbekov Kuanysh Serikovich"] },
      { id: "p-2", names: ["Someone Else"] },
    ]);
    const k = ps.find((p) => p.key === "kuanish-oralbekov");
    expect(k).toMatchObject({ action: "addition", match: { id: "p-1" } });
    expect(ps.filter((p) => p.action === "addition")).toHaveLength(1);
  });
  it("reads a surname-first table row broken over lines", () => {
    const ps = propose(["Complainants:", "", "Seitkali Nurlan ", "Bolatovich (aged 41)", "", "Aktobe:"]);
    expect(ps.map((p) => p.names[0])).toEqual([
      { text: "Seitkali Nurlan Bolatovich", script: "latin", lines: [[3, 4]] },
    ]);
  });
  it("gives a fact to the person it is written about when a sentence names several", () => {
    const ps = propose([
      "Activist Nurlan Tokpayev was sentenced to two years in prison for criticising Mukhtar Dauletov, the mayor's adviser, who had been detained in 2017.",
      "Activists Saule Karimova and Aidana Seitova were detained on 1 May 2019; Nurlan Tokpayev was not.",
    ]);
    const facts = (name: string) => ps.find((p) => p.names[0]?.text === name)?.facts.map((f) => f.kind) ?? [];
    expect(facts("Nurlan Tokpayev")).toEqual(["sentence"]);
    expect(facts("Mukhtar Dauletov")).toEqual(["detention"]);
    expect(facts("Saule Karimova")).toEqual(["detention"]);
    expect(facts("Aidana Seitova")).toEqual(["detention"]);
  });
  it("reads a profile: a name heading followed by labelled fields", () => {
    const ps = propose([
      "Activist Dariga Nurmanova was detained at a rally.",
      "",
      "Dariga Nurmanova",
      "",
      "City: Taraz",
      "",
      "Charges:",
      "",
      " ● “Inciting social discord” (Article 174, section 1 of the CC).",
      "",
      "Dariga Nurmanova. Photo: her page.",
    ]);
    expect(ps).toHaveLength(1);
    expect(ps[0]?.facts).toContainEqual(
      expect.objectContaining({ kind: "charge", code: "criminal", article: "174", part: "1", lines: [9, 9] }),
    );
  });
});
