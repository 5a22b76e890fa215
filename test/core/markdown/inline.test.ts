import { describe, expect, it } from "vitest";
import { HIDDEN_PLACEHOLDER, maskHiddenInline, plainInline } from "../../../src/core/markdown/inline.js";
import { inlineHtmlScanner } from "../../../src/core/markdown/inline-html.js";

describe("plainInline", () => {
  it.each([
    ["**Why:** because", "Why: because"],
    ["*a* _b_ __c__ ~~d~~ ***e***", "a b c d e"],
    ["snake_case_name and 2 * 3 * 4", "snake_case_name and 2 * 3 * 4"],
    ["`a  b` and `` x ` y `` and ` c `", "a  b and x ` y and c"],
    ["`spans\nlines`", "spans lines"],
    ["`unclosed and ``mismatched", "`unclosed and ``mismatched"],
    ['[docs](https://x.test/a "Title") and ![alt](i.png)', "docs and alt"],
    ["[nested [brackets]](url) and [no link] and [a](<b c>)", "nested [brackets] and [no link] and a"],
    ["[text](unclosed", "[text](unclosed"],
    ["Tom & Jerry <b>x</b> a<br>b <!-- gone --> c", "Tom & Jerry x ab  c"],
    ['<span title="a\nb">x</span>', "x"],
    ["<https://x.test/a> and <me@x.test>", "https://x.test/a and me@x.test"],
    ["a < b and c<d", "a < b and c<d"],
    ["\\*not em\\* \\_ \\` \\\\ \\a", "*not em* _ ` \\ \\a"],
    ["hard  \nbreak and back\\\nslash", "hard  \nbreak and back\nslash"],
    ["~~~ three tildes stay", "~~~ three tildes stay"],
  ])("%j reads as %j", (source, text) => {
    expect(plainInline(source)).toBe(text);
  });
});

describe("maskHiddenInline", () => {
  const P = HIDDEN_PLACEHOLDER;
  it.each([
    ["text <!--\n/phase list\n--> after", `text ${P}\n${P}\n${P} after`],
    ["a `code\n/phase list` b", `a ${P}\n${P} b`],
    ['a <span title="\n/phase list\n">x</span>', `a ${P}\n${P}\n${P}x${P}`],
    ['[x](https://x.test "\n/phase list\n")', `[x]${P}\n${P}\n${P}`],
    ["a <!-- unclosed\n/phase list", "a <!-- unclosed\n/phase list"],
    ["a `unclosed\n/phase list", "a `unclosed\n/phase list"],
    ["\\<!-- escaped -->", "\\<!-- escaped -->"],
    ["plain\n/phase list", "plain\n/phase list"],
  ])("%j masks to %j", (source, masked) => {
    expect(maskHiddenInline(source)).toBe(masked);
  });
});

describe("inlineHtmlScanner", () => {
  it.each([
    ["<!-- c -->x", 10],
    ["<!-->x", 5],
    ["<!--->x", 6],
    ["<?php x ?>y", 10],
    ["<!DOCTYPE html>y", 15],
    ["<![CDATA[ a ]]>y", 15],
    ["</span >y", 8],
    ['<a href="x" data-y=\'z\' disabled />y', 34],
    ["<a b=c>y", 7],
    ["<a\nb\n=\n'c'>y", 11],
    ["<!-- unclosed", -1],
    ["<a b=\"unclosed>", -1],
    ["<1a>", -1],
    ["< a>", -1],
    ["<a b=c=d>", -1],
  ])("%j ends at %d", (text, end) => {
    expect(inlineHtmlScanner(text).endAt(0)).toBe(end);
  });

  it("shares work between starts without changing any answer", () => {
    const text = `<a b="<i c='x'>" d='<b>'>`;
    const scanner = inlineHtmlScanner(text);
    const ends = [...text].map((_, i) => scanner.endAt(i));
    const fresh = [...text].map((_, i) => inlineHtmlScanner(text).endAt(i));
    expect(ends).toEqual(fresh);
    expect(ends[0]).toBe(text.length);
    expect(ends[6]).toBe(15);
  });
});
