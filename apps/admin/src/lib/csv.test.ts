import { describe, expect, it } from "vitest";
import { parseCsv } from "@registry/domain";
import { chunkCsv, spreadsheetCsv } from "./csv.ts";

describe("CSV", () => {
  it("chunks with the header repeated and maps each chunk's lines back to the file's", () => {
    const rows = parseCsv('id,name\np-1,"a\nb"\np-2,c\np-3,d\n');
    const chunks = chunkCsv(rows, 2);
    expect(chunks).toHaveLength(2);
    expect(chunks.map((c) => parseCsv(c.csv)[0]?.cells)).toEqual([
      ["id", "name"],
      ["id", "name"],
    ]);
    // In chunk 1, p-2 starts on line 4 (the header, then p-1 over two lines); in the file too.
    expect(chunks[0]?.lineOf(4)).toBe(4);
    // In chunk 2, p-3 is on line 2; in the file it is line 5.
    expect(chunks[1]?.lineOf(2)).toBe(5);
  });

  it("writes cells a spreadsheet will not run as formulas", () => {
    expect(spreadsheetCsv(["a", "b"], [["=HYPERLINK(1)", 'say "hi", ok', 3, null, { x: 1 }]])).toBe(
      'a,b\r\n\'=HYPERLINK(1),"say ""hi"", ok",3,,"{""x"":1}"\r\n',
    );
  });
});
