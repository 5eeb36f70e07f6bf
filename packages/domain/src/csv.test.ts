import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { csvCell, csvSafeCell, parseCsv, toCsv } from "./csv.ts";

describe("parseCsv", () => {
  it("reads quoted fields with commas, doubled quotes and line breaks, keeping each row's first line", () => {
    const rows = parseCsv('id,name\r\np-1,"Abishev, Aset"\n\np-2,"two\nlines ""quoted"""\np-3,x');
    expect(rows).toEqual([
      { line: 1, cells: ["id", "name"] },
      { line: 2, cells: ["p-1", "Abishev, Aset"] },
      { line: 4, cells: ["p-2", 'two\nlines "quoted"'] },
      { line: 6, cells: ["p-3", "x"] },
    ]);
  });

  it("reads CRLF, LF and CR line ends alike, with or without a final one", () => {
    const expected = [
      { line: 1, cells: ["a", "b"] },
      { line: 2, cells: ["1", "2"] },
    ];
    expect(parseCsv("a,b\r\n1,2\r\n")).toEqual(expected);
    expect(parseCsv("a,b\n1,2")).toEqual(expected);
    expect(parseCsv("a,b\r1,2\r")).toEqual(expected);
  });

  it("keeps CRLF inside a quoted field and counts its lines", () => {
    expect(parseCsv('a,"x\r\ny"\r\nb,c')).toEqual([
      { line: 1, cells: ["a", "x\r\ny"] },
      { line: 3, cells: ["b", "c"] },
    ]);
  });

  it("drops a leading byte-order mark", () => {
    expect(parseCsv("\uFEFFid,name\np-1,A")[0]).toEqual({ line: 1, cells: ["id", "name"] });
    expect(parseCsv('\uFEFF"id",name')[0]?.cells).toEqual(["id", "name"]);
  });

  it("keeps empty cells, skips blank rows, and reads a doubled quote alone as one quote", () => {
    expect(parseCsv('a,,c\n , \n"",""""\n')).toEqual([
      { line: 1, cells: ["a", "", "c"] },
      { line: 3, cells: ["", '"'] },
    ]);
    expect(parseCsv("")).toEqual([]);
  });
});

describe("writing CSV", () => {
  it("quotes a cell only when it must, doubling its quotes", () => {
    expect(csvCell("plain")).toBe("plain");
    expect(csvCell('say "hi", ok')).toBe('"say ""hi"", ok"');
    expect(csvCell("two\nlines")).toBe('"two\nlines"');
    expect(csvCell("cr\r")).toBe('"cr\r"');
    expect(csvCell("=1+1")).toBe("=1+1");
  });

  it("neutralises spreadsheet formulas in safe cells", () => {
    expect(csvSafeCell("=HYPERLINK(1)")).toBe("'=HYPERLINK(1)");
    expect(csvSafeCell("+1, two")).toBe('"\'+1, two"');
    expect(csvSafeCell("-5")).toBe("'-5");
    expect(csvSafeCell("@x")).toBe("'@x");
    expect(csvSafeCell("\tx")).toBe("'\tx");
    expect(csvSafeCell("a=b")).toBe("a=b");
    expect(csvSafeCell("=x", "always")).toBe('"\'=x"');
    expect(csvSafeCell("plain", "always")).toBe('"plain"');
  });

  it("writes what the open data writes with quoting always (its csvCell in apps/server/src/open-data.ts)", () => {
    const openData = (v: string) => `"${(/^[=+\-@\t\r]/.test(v) ? `'${v}` : v).replace(/"/g, '""')}"`;
    fc.assert(fc.property(fc.string(), (v) => csvSafeCell(v, "always") === openData(v)));
  });

  it("ends every row with CRLF", () => {
    expect(
      toCsv([
        ["a", "b"],
        ["=HYPERLINK(1)", 'say "hi", ok'],
      ]),
    ).toBe('a,b\r\n=HYPERLINK(1),"say ""hi"", ok"\r\n');
    expect(
      toCsv(
        [
          ["a", "b"],
          ["=HYPERLINK(1)", 'say "hi", ok'],
        ],
        csvSafeCell,
      ),
    ).toBe('a,b\r\n\'=HYPERLINK(1),"say ""hi"", ok"\r\n');
    expect(toCsv([])).toBe("");
  });

  it("reads back what it writes", () => {
    const text = fc.string({ unit: fc.constantFrom("a", "Ж", " ", ",", '"', "\n", "\r", "=", "'") });
    const row = fc.array(text, { minLength: 1, maxLength: 5 }).filter((r) => r.some((c) => c.trim() !== ""));
    fc.assert(
      fc.property(fc.array(row, { maxLength: 6 }), (rows) => {
        expect(parseCsv(toCsv(rows)).map((r) => r.cells)).toEqual(rows);
      }),
    );
  });
});
