/**
 * The small layout engine of the PDF documents (pdfkit + embedded DejaVu Sans).
 *
 * Two passes over the same build function: the first only measures (our own line breaking, with
 * cached word widths) to learn the page of every anchor and the page count; the second draws. So the
 * table of contents and "Page X of Y" are known while drawing, every page is finished (header,
 * footer) and handed to the output stream as soon as it is full, and memory stays flat for
 * thousands of activities (no buffered pages, nothing redrawn).
 *
 * Output: PDF 1.7, PDF/A-3b metadata, tagged (structure tree with headings, paragraphs, lists,
 * tables; page furniture marked as artifacts), bookmarks, named destinations, document language.
 * Deterministic: the same input and generation time give the same bytes (fixed dates, file ID
 * derived from a SHA-256 of the input).
 */
import crypto from "node:crypto";
import fs from "node:fs";
import { createRequire } from "node:module";
import PDFDocument from "pdfkit";

const require = createRequire(import.meta.url);

export type DocLocale = "fr" | "en";
export type FontKey = "regular" | "bold" | "italic";
export type TextStyle = { font: FontKey; size: number; leading: number; color: string };

/** A4 in points, margins wide enough for the running header and footer. */
export const PAGE = { width: 595.28, height: 841.89, margin: { top: 68, bottom: 62, left: 56, right: 56 } } as const;
export const CONTENT_WIDTH = PAGE.width - PAGE.margin.left - PAGE.margin.right;
const TOP = PAGE.margin.top;
const BOTTOM = PAGE.height - PAGE.margin.bottom;
const LEFT = PAGE.margin.left;

export const COLORS = {
  text: "#1b1f24",
  muted: "#58616b",
  accent: "#1f3a5f",
  rule: "#c3ccd6",
  headerFill: "#e6ecf3",
  coverBand: "#1f3a5f",
} as const;

/** DejaVu Sans: ascent + descent = 1.164 em; every leading below is larger, so lines never overlap. */
const FONT_HEIGHT = 1.164;

export const STYLES = {
  title: { font: "bold", size: 24, leading: 30, color: COLORS.accent },
  subtitle: { font: "regular", size: 12, leading: 16, color: COLORS.muted },
  h1: { font: "bold", size: 16, leading: 21, color: COLORS.accent },
  h2: { font: "bold", size: 12.5, leading: 16.5, color: COLORS.accent },
  h3: { font: "bold", size: 10.5, leading: 14, color: COLORS.text },
  h4: { font: "bold", size: 9, leading: 12.5, color: COLORS.muted },
  body: { font: "regular", size: 9.5, leading: 13, color: COLORS.text },
  note: { font: "italic", size: 9, leading: 12.5, color: COLORS.muted },
  label: { font: "bold", size: 8.5, leading: 11.5, color: COLORS.muted },
  value: { font: "regular", size: 9, leading: 11.5, color: COLORS.text },
  small: { font: "regular", size: 7.5, leading: 10, color: COLORS.muted },
  cell: { font: "regular", size: 8.5, leading: 11, color: COLORS.text },
  cellBold: { font: "bold", size: 8.5, leading: 11, color: COLORS.text },
  cellHeader: { font: "bold", size: 8, leading: 10.5, color: COLORS.accent },
  cellNote: { font: "italic", size: 8, leading: 11, color: COLORS.muted },
  toc1: { font: "bold", size: 10, leading: 14, color: COLORS.text },
  toc2: { font: "regular", size: 9, leading: 12.5, color: COLORS.text },
  tocNumber: { font: "regular", size: 9, leading: 12.5, color: COLORS.muted },
} as const satisfies Record<string, TextStyle>;

// ---------------------------------------------------------------------------------------------
// Fonts and document

const FONT_FILES: Record<FontKey, string> = {
  regular: "dejavu-fonts-ttf/ttf/DejaVuSans.ttf",
  bold: "dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf",
  italic: "dejavu-fonts-ttf/ttf/DejaVuSans-Oblique.ttf",
};
export const FONT_NAMES: Record<FontKey, string> = { regular: "DejaVuSans", bold: "DejaVuSans-Bold", italic: "DejaVuSans-Oblique" };

/** Resolved from node_modules (works from app/ under tsx and from the server bundle; pdfkit stays external). */
export function fontPath(key: FontKey): string {
  return require.resolve(FONT_FILES[key]);
}

let fontCache: Record<FontKey, Buffer> | null = null;
function fontData(): Record<FontKey, Buffer> {
  fontCache ??= { regular: fs.readFileSync(fontPath("regular")), bold: fs.readFileSync(fontPath("bold")), italic: fs.readFileSync(fontPath("italic")) };
  return fontCache;
}

export function registerFonts(doc: PDFKit.PDFDocument): void {
  const data = fontData();
  for (const key of ["regular", "bold", "italic"] as const) doc.registerFont(FONT_NAMES[key], data[key]);
}

export type DocumentMeta = {
  title: string;
  lang: DocLocale;
  author: string;
  subject: string;
  keywords?: string;
  creationDate: Date;
  /** Anything that identifies the content; the file ID (/ID) is derived from its SHA-256. */
  idSeed?: string | Buffer;
  /**
   * pdfkit's page buffering (switchToPage). Off by default: PdfLayout knows the page count before
   * drawing, so pages are written as soon as they are full (half the memory of a buffered document).
   */
  bufferPages?: boolean;
};

const xmlEscape = (s: unknown) =>
  String(s ?? "")
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;");

type PdfKitInternals = { _id: Buffer; info: Record<string, unknown>; _addInfo: () => void };

export function createDocument(meta: DocumentMeta): PDFKit.PDFDocument {
  const info = {
    Title: meta.title,
    Author: meta.author,
    Subject: meta.subject,
    ...(meta.keywords ? { Keywords: meta.keywords } : {}),
    Creator: "Registre",
    Producer: "Registre",
    CreationDate: meta.creationDate,
    ModDate: meta.creationDate,
  };
  const doc = new PDFDocument({
    pdfVersion: "1.7",
    subset: "PDF/A-3b",
    tagged: true,
    displayTitle: true,
    lang: meta.lang === "fr" ? "fr-FR" : "en-GB",
    bufferPages: meta.bufferPages ?? false,
    autoFirstPage: false,
    size: "A4",
    margins: PAGE.margin,
    info,
  });
  const internals = doc as unknown as PdfKitInternals;
  // pdfkit derives /ID from an MD5 of the info dictionary; make it explicitly a hash of the content.
  const seed = meta.idSeed ?? JSON.stringify({ ...info, CreationDate: meta.creationDate.toISOString(), ModDate: undefined });
  internals._id = crypto.createHash("sha256").update(seed).digest().subarray(0, 16);
  // pdfkit writes Title/Author/Subject/Keywords into the XMP packet unescaped: "&" or "<" in an
  // organization name would break the PDF/A metadata. Escape them there (the Info dictionary is
  // already written with the raw strings when this runs).
  const addInfo = internals._addInfo;
  internals._addInfo = function (this: PdfKitInternals) {
    const saved = this.info;
    this.info = {
      ...saved,
      Title: xmlEscape(saved.Title),
      Author: xmlEscape(saved.Author),
      Subject: xmlEscape(saved.Subject),
      Creator: xmlEscape(saved.Creator),
    };
    if (saved.Keywords) this.info.Keywords = xmlEscape(saved.Keywords);
    try {
      addInfo.call(this);
      // PDF/A: every Info entry has its XMP equivalent; pdfkit writes CreateDate, not ModifyDate.
      (this as unknown as { appendXML(xml: string): void }).appendXML(
        `<rdf:Description rdf:about="" xmlns:xmp="http://ns.adobe.com/xap/1.0/"><xmp:ModifyDate>${meta.creationDate.toISOString().split(".")[0]}Z</xmp:ModifyDate></rdf:Description>`,
      );
    } finally {
      this.info = saved;
    }
  };
  // The cross-reference table is written one line per object, each line a Buffer pushed to the
  // stream: for a large register (hundreds of thousands of objects) that takes long. Collect
  // pdfkit's own output of _finalize and push it in 1 MB chunks (same bytes).
  const finalize = (doc as unknown as PdfKitEnd)._finalize;
  (doc as unknown as PdfKitEnd)._finalize = function (this: PdfKitEnd) {
    const write = this._write;
    const push = this.push;
    let pending = "";
    const flush = () => {
      if (pending) push.call(this, Buffer.from(pending, "binary"));
      pending = "";
    };
    this._write = (data: string | Buffer) => {
      pending += Buffer.isBuffer(data) ? data.toString("binary") : `${data}\n`;
      if (pending.length >= 1 << 20) flush();
    };
    this.push = (chunk: unknown) => {
      flush();
      this._write = write;
      this.push = push;
      return push.call(this, chunk);
    };
    finalize.call(this);
  };
  registerFonts(doc);
  return doc;
}

type PdfKitEnd = { _finalize: () => void; _write: (data: string | Buffer) => void; push: (chunk: unknown) => boolean };

export function collectStream(stream: NodeJS.ReadableStream): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    stream.on("data", (c: Buffer) => chunks.push(c));
    stream.on("end", () => resolve(Buffer.concat(chunks)));
    stream.on("error", reject);
  });
}

/** The first 12 hexadecimal digits of a SHA-256 fingerprint, for page footers. */
export function shortHash(fingerprint: string): string {
  return fingerprint.replace(/^sha256:/i, "").slice(0, 12);
}

// ---------------------------------------------------------------------------------------------
// Layout

export type Bookmark = PDFKit.PDFOutline | null;
export type Chrome = {
  headerLeft: string;
  headerRight: string;
  footerLeft: string;
  pageLabel: (page: number, pages: number) => string;
  /** Diagonal text across every page (e.g. a draft mark), drawn as an artifact. */
  watermark?: string;
};
export type PageKind = "cover" | "body";
export type Column = { header: string; width: number; align?: "left" | "right" };
export type Cell = string | { text: string; style?: TextStyle; goTo?: string; /** A secondary text under the main one, smaller. */ note?: string };
type CellLine = { s: string; style: TextStyle };
const cellStyle = (c: Cell): TextStyle => (typeof c === "string" ? STYLES.cell : (c.style ?? STYLES.cell));
const cellText = (c: Cell): string => (typeof c === "string" ? c : c.text);
/**
 * Rows built on demand, once to size the columns and once to draw them, in each pass: a table of
 * thousands of rows (the register's summary, the transfers annex) is never held whole (ADR 024).
 */
export type RowSource = { readonly length: number; row(i: number): Cell[] };
const rowsOf = (rows: Cell[][] | RowSource): RowSource => (Array.isArray(rows) ? { length: rows.length, row: (i) => rows[i]! } : (rows as RowSource));
export type TableOptions = { header?: boolean; plain?: boolean; labelColumn?: boolean; padX?: number; padY?: number };
export type TocEntry = { title: string; anchor: string; level: 1 | 2 };

type StructEl = PDFKit.PDFStructureElement;
type StructContent = PDFKit.PDFStructureContent;
type GlyphPosition = { xAdvance: number; yAdvance: number; xOffset: number; yOffset: number; advanceWidth: number };
/** pdfkit's EmbeddedFont (internal API of pdfkit 0.17). */
type EmbeddedFont = {
  id: string;
  ascender: number;
  widthOfString(s: string, size: number): number;
  encode(text: string): [string[], GlyphPosition[]];
  ref(): unknown;
};
type PageInternals = { fonts: Record<string, unknown>; write(chunk: string): void; dictionary: { data: { StructParents?: number } } };

const num = (n: number) => String(Math.round(n * 1000) / 1000);
const rgbCache = new Map<string, string>();
function rgb(hex: string): string {
  let v = rgbCache.get(hex);
  if (v === undefined) {
    const n = parseInt(hex.slice(1), 16);
    v = [(n >> 16) & 255, (n >> 8) & 255, n & 255].map((c) => num(c / 255)).join(" ");
    rgbCache.set(hex, v);
  }
  return v;
}
type OutlineInternals = { outlineData: Record<string, unknown> };

// Control characters are what these patterns exist to strip.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\u200B]/g;

// eslint-disable-next-line no-control-regex
const NEEDS_CLEANING = /[\u0000-\u0009\u000B-\u001F\u007F\u200B]/;

/** Line ends normalised, tabs as spaces, other control characters dropped. */
export function cleanText(text: string): string {
  if (!NEEDS_CLEANING.test(text)) return text;
  return text.replace(/\r\n?/g, "\n").replace(/\t/g, " ").replace(CONTROL, "");
}

export class PdfLayout {
  readonly doc: PDFKit.PDFDocument;
  private readonly chrome: Chrome;
  /** First pass: nothing is drawn, only positions are computed. */
  measuring = true;
  page = 0;
  y: number = TOP;
  private pages = 0;
  private kind: PageKind = "body";
  private anchors = new Map<string, number>();
  private measured = new Map<string, number>();
  private readonly fonts: Record<FontKey, EmbeddedFont>;
  private readonly tjCache: Record<FontKey, Map<string, string>> = { regular: new Map(), bold: new Map(), italic: new Map() };
  private readonly widths: Record<FontKey, Map<string, number>> = { regular: new Map(), bold: new Map(), italic: new Map() };
  private readonly minContents: Record<FontKey, Map<string, number>> = { regular: new Map(), bold: new Map(), italic: new Map() };
  private stack: StructEl[] = [];
  private open: { tag: string; content: StructContent } | null = null;
  private color = "";
  private lastYield = 0;
  private pageKeys: number[] = [];
  private pagesCompacted = 0;
  private readonly abstractReference: object;
  /** Receives every string drawn (benchmarks compare with bare pdfkit writing the same text). */
  onText: ((s: string) => void) | null = null;

  constructor(doc: PDFKit.PDFDocument, chrome: Chrome) {
    this.doc = doc;
    this.chrome = chrome;
    const font = (key: FontKey) => (doc.font(FONT_NAMES[key]) as unknown as { _font: EmbeddedFont })._font;
    this.fonts = { regular: font("regular"), bold: font("bold"), italic: font("italic") };
    const root = (doc as unknown as { _root: object })._root;
    this.abstractReference = Object.create(Object.getPrototypeOf(Object.getPrototypeOf(root)) as object, {
      toString: {
        value(this: { s: string }) {
          return this.s;
        },
      },
    }) as object;
  }

  /** Runs `build` twice (measure, then draw); returns the page count. */
  async run(build: (L: PdfLayout) => Promise<void> | void): Promise<{ pages: number }> {
    this.begin(true);
    await build(this);
    const pages = this.page;
    this.measured = new Map(this.anchors);

    this.begin(false);
    this.pages = pages;
    const root = this.doc.struct("Document");
    this.doc.addStructure(root);
    this.stack = [root];
    await build(this);
    this.finishPage();
    root.end();
    this.compactParentTree(true);
    if (this.page !== pages) throw new Error(`PDF layout: ${this.page} pages drawn, ${pages} measured`);
    for (const [anchor, p] of this.anchors) if (this.measured.get(anchor) !== p) throw new Error(`PDF layout: anchor ${anchor} moved`);
    return { pages };
  }

  private begin(measuring: boolean) {
    this.measuring = measuring;
    this.page = 0;
    this.y = TOP;
    this.kind = "body";
    this.anchors.clear();
    this.open = null;
    this.stack = [];
    this.pageKeys = [];
    this.pagesCompacted = 0;
  }

  /** Lets the event loop breathe during long documents (a server keeps answering). */
  async tick(): Promise<void> {
    const now = performance.now();
    if (now - this.lastYield < 25) return;
    await new Promise<void>((resolve) => setImmediate(resolve));
    this.lastYield = performance.now();
  }

  /** Page on which an anchor was laid out in the measuring pass. */
  pageOf(anchor: string): number | undefined {
    return this.measured.get(anchor);
  }

  get bottom(): number {
    return BOTTOM;
  }

  // -- pages ------------------------------------------------------------------------------------

  newPage(kind: PageKind = "body"): void {
    const carry = this.open;
    if (!this.measuring && this.page > 0) {
      if (carry) this.doc.endMarkedContent();
      this.drawChrome();
      this.compactParentTree(false);
    }
    this.page++;
    this.kind = kind;
    this.y = TOP;
    if (!this.measuring) {
      this.doc.addPage({ size: [PAGE.width, PAGE.height], margins: PAGE.margin });
      this.compactPages();
      this.color = "";
      if (carry) carry.content.push(this.doc.markStructureContent(carry.tag));
    }
  }

  /**
   * Pages already written stay referenced by the page tree (with their resources, annotations and
   * content objects) until the document ends; the page tree only needs their "n 0 R".
   */
  private compactPages() {
    const kids = (this.doc as unknown as { _root: { data: { Pages: { data: { Kids: unknown[] } } } } })._root.data.Pages.data.Kids;
    for (let i = this.pagesCompacted; i < kids.length - 1; i++) kids[i] = this.lightRef(String(kids[i]));
    this.pagesCompacted = Math.max(this.pagesCompacted, kids.length - 1);
    // pdfkit's per-font cache of laid-out words grows with every new word; the line cache below
    // (tj) and the width cache cover what repeats.
    if (this.page % 200 === 0) {
      for (const key of ["regular", "bold", "italic"] as const) {
        const font = this.fonts[key] as EmbeddedFont & { layoutCache?: object };
        if (font.layoutCache) font.layoutCache = Object.create(null) as object;
        if (this.widths[key].size > 200_000) this.widths[key].clear();
      }
    }
  }

  /** The current page as a light reference (for destinations). */
  private pageRef(): object {
    return this.lightRef(String((this.doc.page as unknown as PageInternals).dictionary));
  }

  /**
   * The structure parent tree keeps, for every marked content, the structure element that owns it,
   * until the document ends: hundreds of thousands of pdfkit references (with their dictionaries)
   * for a large register. Once an element's dictionary is written only its "n 0 R" is needed, so
   * the entries of finished pages are replaced with light references.
   */
  private compactParentTree(all: boolean) {
    const tree = (this.doc.getStructTreeRoot() as unknown as { data: { ParentTree: { _items: Record<string, unknown> } } }).data.ParentTree._items;
    const page = (this.doc.page as unknown as PageInternals).dictionary.data.StructParents;
    const keys = all ? Object.keys(tree).map(Number) : this.pageKeys;
    if (!all && page !== undefined) keys.push(page);
    const keep: number[] = [];
    for (const key of keys) {
      const entries = tree[key];
      if (!Array.isArray(entries)) continue;
      // Content still waiting for its element (a block running over the next pages): look again later.
      if (entries.some((e) => e === null || e === undefined)) {
        if (!all) keep.push(key);
        continue;
      }
      // Written now as an indirect object; the tree keeps its reference.
      const ref = this.doc.ref(entries as unknown as object) as unknown as { end(): void };
      ref.end();
      tree[key] = this.lightRef(String(ref));
    }
    this.pageKeys = keep;
  }

  /** An object pdfkit writes as-is (it is a PDFAbstractReference to PDFObject.convert). */
  private lightRef(s: string): object {
    const ref = Object.create(this.abstractReference) as { s: string };
    ref.s = s;
    return ref;
  }

  private finishPage() {
    if (this.measuring || this.page === 0) return;
    if (this.open) throw new Error("PDF layout: a block is still open");
    this.drawChrome();
  }

  /** Starts a new page unless `h` points still fit on this one. */
  ensure(h: number): void {
    if (this.page === 0 || (this.y + h > BOTTOM && this.y > TOP)) this.newPage();
  }

  space(h: number): void {
    this.y = Math.min(this.y + h, BOTTOM);
  }

  private drawChrome() {
    const d = this.doc;
    const s = STYLES.small;
    d.markContent("Artifact", { type: "Pagination" });
    if (this.kind === "body") {
      const half = CONTENT_WIDTH / 2 - 6;
      const left = this.fit(this.chrome.headerLeft, s, half);
      const right = this.fit(this.chrome.headerRight, s, half);
      this.drawText(left, LEFT, 34, s);
      this.drawText(right, LEFT + CONTENT_WIDTH - this.width(right, s), 34, s);
      this.hline(48, COLORS.rule, 0.5);
    }
    const fy = PAGE.height - 44;
    this.hline(fy - 6, COLORS.rule, 0.5);
    const label = this.chrome.pageLabel(this.page, this.pages);
    const lw = this.width(label, s);
    this.drawText(this.fit(this.chrome.footerLeft, s, CONTENT_WIDTH - lw - 12), LEFT, fy, s);
    this.drawText(label, LEFT + CONTENT_WIDTH - lw, fy, s);
    if (this.chrome.watermark) {
      const size = 56;
      const w = this.width(this.chrome.watermark, { ...STYLES.h1, size });
      const cx = PAGE.width / 2;
      const cy = PAGE.height / 2;
      d.save()
        .rotate(-45, { origin: [cx, cy] })
        .fillOpacity(0.12)
        .font(FONT_NAMES.bold)
        .fontSize(size)
        .fillColor("#b3261e");
      d.text(this.chrome.watermark, cx - w / 2, cy - (size * FONT_HEIGHT) / 2, { lineBreak: false });
      d.restore();
      this.color = "";
    }
    d.endMarkedContent();
  }

  private hline(y: number, color: string, width: number) {
    this.doc
      .save()
      .lineWidth(width)
      .strokeColor(color)
      .moveTo(LEFT, y)
      .lineTo(LEFT + CONTENT_WIDTH, y)
      .stroke()
      .restore();
  }

  /** Decorative drawing, marked as an artifact for assistive technologies. */
  artifact(draw: (doc: PDFKit.PDFDocument) => void): void {
    if (this.measuring) return;
    this.doc.markContent("Artifact");
    this.doc.save();
    draw(this.doc);
    this.doc.restore();
    this.doc.endMarkedContent();
  }

  // -- text measurement and line breaking -------------------------------------------------------

  width(s: string, style: TextStyle): number {
    const cache = this.widths[style.font];
    let w = cache.get(s);
    if (w === undefined) {
      w = this.fonts[style.font].widthOfString(s, 1000);
      cache.set(s, w);
    }
    return (w * style.size) / 1000;
  }

  /** Breaks text into lines no wider than `max` (words, then characters for an over-long word). */
  wrap(text: string, style: TextStyle, max: number): string[] {
    const out: string[] = [];
    const space = this.width(" ", style);
    for (const para of cleanText(text).split("\n")) {
      let line = "";
      let lw = 0;
      for (const word of para.split(" ")) {
        if (word === "") continue;
        const ww = this.width(word, style);
        if (line !== "" && lw + space + ww <= max) {
          line += " " + word;
          lw += space + ww;
          continue;
        }
        if (line !== "") out.push(line);
        if (ww <= max) {
          line = word;
          lw = ww;
          continue;
        }
        const pieces = this.breakWord(word, style, max);
        for (let i = 0; i < pieces.length - 1; i++) out.push(pieces[i]!);
        line = pieces[pieces.length - 1] ?? "";
        lw = this.width(line, style);
      }
      out.push(line);
    }
    return out;
  }

  /** Splits an over-long word (a URL, a reference), preferably after "/", "-", "_", "." or ":". */
  private breakWord(word: string, style: TextStyle, max: number): string[] {
    const pieces: string[] = [];
    let cur = "";
    let cw = 0;
    for (const ch of word) {
      const w = this.width(ch, style);
      if (cur !== "" && cw + w > max) {
        const cut = Math.max(cur.lastIndexOf("/"), cur.lastIndexOf("-"), cur.lastIndexOf("_"), cur.lastIndexOf("."), cur.lastIndexOf(":"));
        if (cut >= cur.length / 2 && cut < cur.length - 1) {
          pieces.push(cur.slice(0, cut + 1));
          cur = cur.slice(cut + 1);
          cw = this.width(cur, style);
        } else {
          pieces.push(cur);
          cur = "";
          cw = 0;
        }
      }
      cur += ch;
      cw += w;
    }
    pieces.push(cur);
    return pieces;
  }

  /** Width of the widest word: the narrowest a column can be without cutting words. */
  minContent(text: string, style: TextStyle): number {
    const cache = this.minContents[style.font];
    let unit = cache.get(text);
    if (unit === undefined) {
      unit = 0;
      for (const word of cleanText(text).split(/[ \n]/)) if (word) unit = Math.max(unit, this.width(word, { ...style, size: 1000 }));
      if (cache.size > 100_000) cache.clear();
      cache.set(text, unit);
    }
    return (unit * style.size) / 1000;
  }

  /** One line, cut with an ellipsis if too wide. */
  fit(text: string, style: TextStyle, max: number): string {
    const flat = cleanText(text).replace(/\n/g, " ");
    if (this.width(flat, style) <= max) return flat;
    let lo = 0;
    let hi = flat.length;
    while (lo < hi) {
      const mid = Math.ceil((lo + hi) / 2);
      if (this.width(flat.slice(0, mid) + "…", style) <= max) lo = mid;
      else hi = mid - 1;
    }
    return flat.slice(0, lo).trimEnd() + "…";
  }

  // -- drawing ------------------------------------------------------------------------------------

  /**
   * Draws one line whose box starts at `y` (top) and is `leading` high. Writes the text operators
   * itself (one content chunk per line, TJ strings cached per font for repeated short lines):
   * pdfkit's text() does the same work with several times the overhead, and lines are already
   * broken here. Falls back to text() for glyphs that need positioning offsets.
   */
  private drawText(s: string, x: number, y: number, style: TextStyle, leading = style.leading, goTo?: string) {
    if (this.measuring || s === "") return;
    const font = this.fonts[style.font];
    const top = y + (leading - style.size * FONT_HEIGHT) / 2;
    const tj = this.tj(font, style.font, s);
    if (tj === null) {
      const d = this.doc;
      d.font(FONT_NAMES[style.font]).fontSize(style.size).fillColor(style.color);
      d.text(s, x, top, { lineBreak: false });
      this.color = style.color;
    } else {
      const page = this.doc.page as unknown as PageInternals;
      if (page.fonts[font.id] == null) page.fonts[font.id] = font.ref();
      let op = "";
      if (this.color !== style.color) {
        op = `${rgb(style.color)} rg\n`;
        this.color = style.color;
      }
      // The page's user space is flipped (y down, pdfkit's convention): flip the text matrix back.
      page.write(`${op}BT\n1 0 0 -1 ${num(x)} ${num(top + (font.ascender / 1000) * style.size)} Tm\n/${font.id} ${num(style.size)} Tf\n${tj}\nET`);
    }
    // pdfkit's own `goTo` text option needs its line wrapper to know the width; annotate directly.
    if (goTo) this.doc.goTo(x, y, this.width(s, style), leading, goTo);
    this.onText?.(s);
  }

  /** The TJ operator of a line (glyph ids, kerning), as pdfkit's _fragment writes it; null if offsets are needed. */
  private tj(font: EmbeddedFont, key: FontKey, s: string): string | null {
    const cache = this.tjCache[key];
    const hit = cache.get(s);
    if (hit !== undefined) return hit;
    const [encoded, positions] = font.encode(s);
    const commands: string[] = [];
    let last = 0;
    for (let i = 0; i < positions.length; i++) {
      const pos = positions[i]!;
      if (pos.xOffset || pos.yOffset) return null;
      const adjust = pos.xAdvance - pos.advanceWidth;
      if (adjust !== 0) {
        commands.push(`<${encoded.slice(last, i + 1).join("")}> ${num(-adjust)}`);
        last = i + 1;
      }
    }
    if (last < encoded.length) commands.push(`<${encoded.slice(last).join("")}> 0`);
    const out = `[${commands.join(" ")}] TJ`;
    if (s.length <= 48) {
      if (cache.size > 20_000) cache.clear();
      cache.set(s, out);
    }
    return out;
  }

  private parent(): StructEl {
    const p = this.stack[this.stack.length - 1];
    if (!p) throw new Error("PDF layout: no structure parent");
    return p;
  }

  /** Opens a structure element (Sect, L, TOC…) that the following blocks go into. */
  beginGroup(tag: string): void {
    if (this.measuring) return;
    const el = this.doc.struct(tag);
    this.parent().add(el);
    this.stack.push(el);
  }

  endGroup(): void {
    if (this.measuring) return;
    const el = this.stack.pop();
    if (!el || this.stack.length === 0) throw new Error("PDF layout: unbalanced groups");
    el.end();
  }

  private beginMark(tag: string) {
    if (this.measuring) return;
    this.open = { tag, content: this.doc.markStructureContent(tag) };
  }

  private endMark() {
    if (this.measuring || !this.open) return;
    this.doc.endMarkedContent();
    this.parent().add(this.doc.struct(this.open.tag, {}, [this.open.content]));
    this.open = null;
  }

  /** Lines drawn one under the other, flowing onto new pages; one structure element. */
  private block(lines: string[], x: number, style: TextStyle, tag: string, bullet?: string) {
    this.ensure(style.leading * Math.min(lines.length, 2));
    this.beginMark(tag);
    let first = true;
    for (const line of lines) {
      if (this.y + style.leading > BOTTOM) this.newPage();
      if (first && bullet) this.drawText(bullet, x - 10, this.y, style);
      this.drawText(line, x, this.y, style);
      this.y += style.leading;
      first = false;
    }
    this.endMark();
  }

  paragraph(text: string, style: TextStyle = STYLES.body, opts: { indent?: number; gap?: number; tag?: string } = {}): void {
    const indent = opts.indent ?? 0;
    this.block(this.wrap(text, style, CONTENT_WIDTH - indent), LEFT + indent, style, opts.tag ?? "P");
    this.y += opts.gap ?? 4;
  }

  /** A bulleted list (structure L > LI). */
  list(items: string[], style: TextStyle = STYLES.body, gap = 4): void {
    if (items.length === 0) return;
    this.beginGroup("L");
    for (const item of items) {
      this.block(this.wrap(item, style, CONTENT_WIDTH - 12), LEFT + 12, style, "LI", "•");
      this.y += 1.5;
    }
    this.endGroup();
    this.y += gap;
  }

  /**
   * A heading kept with what follows; optional named destination (`anchor`, also recorded for the
   * table of contents) and bookmark under `bookmark` ("root" for the top level).
   */
  heading(level: 1 | 2 | 3 | 4, text: string, opts: { anchor?: string; bookmark?: Bookmark | "root"; keep?: number } = {}): Bookmark {
    const style = level === 1 ? STYLES.h1 : level === 2 ? STYLES.h2 : level === 3 ? STYLES.h3 : STYLES.h4;
    const lines = this.wrap(text, style, CONTENT_WIDTH);
    if (this.page > 0 && this.y > TOP) this.y += level === 1 ? 6 : level === 2 ? 8 : level === 3 ? 7 : 3;
    this.ensure(lines.length * style.leading + (opts.keep ?? STYLES.body.leading * 3));
    let bookmark: Bookmark = null;
    if (opts.anchor) this.anchors.set(opts.anchor, this.page);
    if (!this.measuring) {
      if (opts.anchor) {
        const dests = (this.doc as unknown as { _root: { data: { Names: { data: { Dests: { add(name: string, dest: unknown[]): void } } } } } })._root.data
          .Names.data.Dests;
        dests.add(opts.anchor, [this.pageRef(), "XYZ", LEFT, PAGE.height - this.y, null]);
      }
      const parent = opts.bookmark === "root" ? this.doc.outline : opts.bookmark;
      if (parent) {
        bookmark = parent.addItem(cleanText(text).replace(/\n/g, " "));
        (bookmark as unknown as OutlineInternals).outlineData.Dest = [this.pageRef(), "XYZ", null, PAGE.height - this.y, null];
      }
    }
    this.block(lines, LEFT, style, `H${level}`);
    this.y += level === 1 ? 6 : level === 2 ? 4 : 2;
    return bookmark;
  }

  /** "label: value" rows, label column on the left, both wrapping. */
  keyValues(rows: [string, string][], labelWidth = 0.3): void {
    if (rows.length === 0) return;
    this.table(
      [
        { header: "", width: labelWidth },
        { header: "", width: 1 - labelWidth },
      ],
      rows.map(([k, v]) => [
        { text: k, style: STYLES.label },
        { text: v, style: STYLES.value },
      ]),
      { header: false, plain: true, labelColumn: true, padX: 0, padY: 1.5 },
    );
    this.y += 4;
  }

  /**
   * A table: wrapped cells, header row repeated on every page, rows taller than the space left move
   * to the next page, rows taller than a page are split line by line. Nothing is clipped. Column
   * weights are adjusted so that no column is narrower than its longest word, when possible.
   */
  table(columns: Column[], rows: Cell[][], opts: TableOptions = {}): void {
    for (const _ of this.tableRows(columns, rowsOf(rows), opts));
  }

  /** The same table, letting the event loop run between rows (for tables of thousands of rows). */
  async tableAsync(columns: Column[], rows: Cell[][] | RowSource, opts: TableOptions = {}): Promise<void> {
    for (const _ of this.tableRows(columns, rowsOf(rows), opts)) await this.tick();
  }

  private *tableRows(columns: Column[], rows: RowSource, opts: TableOptions): Generator<void> {
    const withHeader = opts.header !== false;
    const padX = opts.padX ?? 4;
    const padY = opts.padY ?? 3;
    const head = STYLES.cellHeader;
    const gutter = (i: number) => (opts.labelColumn && i === 0 ? 10 : 0);
    const colW = this.columnWidths(columns, rows, head, padX, gutter, withHeader);
    const colX: number[] = [];
    let acc = LEFT;
    for (const w of colW) {
      colX.push(acc);
      acc += w;
    }
    const innerW = colW.map((w, i) => Math.max(w - 2 * padX - gutter(i), 8));
    const headLines = withHeader ? columns.map((c, i) => this.wrap(c.header, head, innerW[i]!)) : [];
    const headH = withHeader ? Math.max(...headLines.map((l) => l.length)) * head.leading + 2 * padY : 0;
    let headerCount = 0;

    const drawHeader = () => {
      if (!withHeader) return;
      const y0 = this.y;
      if (!this.measuring) {
        this.artifact((d) => d.rect(LEFT, y0, CONTENT_WIDTH, headH).fill(COLORS.headerFill));
        const repeat = headerCount > 0;
        // Repeated headers are page furniture; only the first one is in the structure tree.
        if (repeat) this.doc.markContent("Artifact", { type: "Pagination" });
        const ths: StructEl[] = [];
        headLines.forEach((lines, i) => {
          const content = repeat ? null : this.doc.markStructureContent("TH");
          lines.forEach((line, k) =>
            this.drawText(line, this.alignX(line, head, colX[i]!, colW[i]!, padX, columns[i]!.align), y0 + padY + k * head.leading, head),
          );
          if (!repeat) {
            this.doc.endMarkedContent();
            ths.push(this.doc.struct("TH", {}, content ? [content] : []));
          }
        });
        if (repeat) this.doc.endMarkedContent();
        else this.parent().add(this.doc.struct("TR", {}, ths));
      }
      headerCount++;
      this.y += headH;
    };
    const breakPage = () => {
      this.newPage();
      drawHeader();
    };

    // Rows go straight under Table (THead/TBody are optional); key/value rows are paragraphs.
    if (!this.measuring && !opts.plain) this.beginGroup("Table");
    let first = true;
    for (let r = 0; r < rows.length; r++) {
      const row = rows.row(r);
      const lines = row.map((c, i) => this.cellLines(c, innerW[i]!));
      const leading = Math.max(...row.map((c) => cellStyle(c).leading));
      const n = Math.max(1, ...lines.map((l) => l.length));
      const rowH = n * leading + 2 * padY;
      if (first) {
        // The header and the first row (or its first lines, if it needs more than a page) stay together.
        this.ensure(headH + (rowH <= BOTTOM - TOP - headH ? rowH : 2 * leading + 2 * padY));
        drawHeader();
        first = false;
      }
      if (this.y + rowH > BOTTOM) {
        const fresh = BOTTOM - TOP - headH;
        if (rowH <= fresh || this.y + leading + 2 * padY > BOTTOM) breakPage();
      }
      const parts: StructContent[][] = row.map(() => []);
      let start = 0;
      for (;;) {
        const fits = Math.floor((BOTTOM - this.y - 2 * padY) / leading);
        if (fits < 1) {
          breakPage();
          continue;
        }
        const take = Math.min(n - start, fits);
        this.drawRowSlice(lines, start, take, leading, colX, colW, padX, padY, columns, row, parts, opts.plain === true);
        this.y += take * leading + 2 * padY;
        start += take;
        if (start >= n) break;
        breakPage();
      }
      if (!this.measuring) {
        const cells = parts.map((p) => {
          const [c0, ...rest] = p;
          if (c0) for (const r of rest) c0.push(r);
          return c0;
        });
        if (opts.plain)
          this.parent().add(
            this.doc.struct(
              "P",
              {},
              cells.filter((c): c is StructContent => c !== undefined),
            ),
          );
        else
          this.parent().add(
            this.doc.struct(
              "TR",
              {},
              cells.map((c) => this.doc.struct("TD", {}, c ? [c] : [])),
            ),
          );
      }
      yield;
    }
    if (rows.length === 0 && withHeader) {
      this.ensure(headH);
      drawHeader();
    }
    if (!this.measuring && !opts.plain) this.endGroup();
    this.y += 6;
  }

  /** Column widths from the weights, widened to the longest word of each column where others have room. */
  private columnWidths(columns: Column[], rows: RowSource, head: TextStyle, padX: number, gutter: (i: number) => number, withHeader: boolean): number[] {
    const total = columns.reduce((a, c) => a + c.width, 0);
    const widths = columns.map((c) => (c.width / total) * CONTENT_WIDTH);
    // Each row is built once here (a RowSource builds rows on demand), every column measured from it.
    const widest = columns.map((c) => (withHeader ? this.minContent(c.header, head) : 0));
    for (let r = 0; r < rows.length; r++) {
      const row = rows.row(r);
      for (let i = 0; i < columns.length; i++) {
        const cell = row[i];
        if (cell === undefined) continue;
        widest[i] = Math.max(widest[i]!, this.minContent(cellText(cell), cellStyle(cell)));
        if (typeof cell === "object" && cell.note) widest[i] = Math.max(widest[i]!, this.minContent(cell.note, STYLES.cellNote));
      }
    }
    const need = widest.map((m, i) => Math.min(m + 2 * padX + gutter(i) + 0.5, CONTENT_WIDTH * 0.45));
    for (let pass = 0; pass < 3; pass++) {
      const deficit = widths.reduce((a, w, i) => a + Math.max(0, need[i]! - w), 0);
      if (deficit <= 0.01) break;
      const slack = widths.reduce((a, w, i) => a + Math.max(0, w - need[i]!), 0);
      if (slack <= 0.01) break;
      const ratio = Math.min(1, deficit / slack);
      for (let i = 0; i < widths.length; i++) {
        const w = widths[i]!;
        const n = need[i]!;
        widths[i] = w < n ? w + (n - w) * Math.min(1, slack / deficit) : w - (w - n) * ratio;
      }
    }
    return widths;
  }

  private cellLines(cell: Cell, width: number): CellLine[] {
    const style = cellStyle(cell);
    const out: CellLine[] = this.wrap(cellText(cell), style, width).map((s) => ({ s, style }));
    if (typeof cell === "object" && cell.note) for (const s of this.wrap(cell.note, STYLES.cellNote, width)) out.push({ s, style: STYLES.cellNote });
    return out;
  }

  private alignX(line: string, style: TextStyle, x: number, w: number, padX: number, align?: "left" | "right") {
    return align === "right" ? x + w - padX - this.width(line, style) : x + padX;
  }

  private drawRowSlice(
    lines: CellLine[][],
    start: number,
    take: number,
    leading: number,
    colX: number[],
    colW: number[],
    padX: number,
    padY: number,
    columns: Column[],
    row: Cell[],
    parts: StructContent[][],
    plain: boolean,
  ) {
    if (this.measuring) return;
    const y0 = this.y;
    const h = take * leading + 2 * padY;
    if (!plain)
      this.artifact((d) =>
        d
          .lineWidth(0.5)
          .strokeColor(COLORS.rule)
          .moveTo(LEFT, y0 + h)
          .lineTo(LEFT + CONTENT_WIDTH, y0 + h)
          .stroke(),
      );
    lines.forEach((cellLines, i) => {
      const slice = cellLines.slice(start, start + take);
      if (slice.length === 0 || (slice.length === 1 && slice[0]!.s === "")) return;
      const cell = row[i];
      const goTo = typeof cell === "object" ? cell.goTo : undefined;
      const content = this.doc.markStructureContent(plain ? "Span" : "TD");
      slice.forEach((line, k) =>
        this.drawText(line.s, this.alignX(line.s, line.style, colX[i]!, colW[i]!, padX, columns[i]?.align), y0 + padY + k * leading, line.style, leading, goTo),
      );
      this.doc.endMarkedContent();
      parts[i]!.push(content);
    });
  }

  /** Table of contents: entries with dot leaders and the page numbers of the measuring pass, linked. */
  async toc(entries: TocEntry[]): Promise<void> {
    for (const _ of this.tocEntries(entries)) await this.tick();
  }

  private *tocEntries(entries: TocEntry[]): Generator<void> {
    this.beginGroup("TOC");
    const numW = 34;
    for (const e of entries) {
      const style = e.level === 1 ? STYLES.toc1 : STYLES.toc2;
      const indent = e.level === 1 ? 0 : 14;
      if (e.level === 1) this.y += 4;
      const lines = this.wrap(e.title, style, CONTENT_WIDTH - indent - numW - 10);
      const h = lines.length * style.leading;
      this.ensure(h);
      const y0 = this.y;
      const page = this.pageOf(e.anchor);
      if (!this.measuring) {
        this.open = { tag: "TOCI", content: this.doc.markStructureContent("TOCI") };
        lines.forEach((line, k) => this.drawText(line, LEFT + indent, y0 + k * style.leading, style));
        const last = lines[lines.length - 1] ?? "";
        const lastY = y0 + (lines.length - 1) * style.leading;
        const pageNo = page === undefined ? "" : String(page);
        const nw = this.width(pageNo, STYLES.tocNumber);
        const dotsFrom = LEFT + indent + this.width(last, style) + 4;
        const dotsTo = LEFT + CONTENT_WIDTH - numW;
        const dotW = this.width(".", STYLES.tocNumber) + 1.2;
        const count = Math.max(0, Math.floor((dotsTo - dotsFrom) / dotW));
        if (count > 2) {
          this.doc.save().font(FONT_NAMES.regular).fontSize(STYLES.tocNumber.size).fillColor(COLORS.rule);
          this.doc.text(".".repeat(count), dotsTo - count * dotW, lastY + (style.leading - STYLES.tocNumber.size * FONT_HEIGHT) / 2, {
            lineBreak: false,
            characterSpacing: 1.2,
          });
          this.doc.restore();
        }
        this.drawText(pageNo, LEFT + CONTENT_WIDTH - nw, lastY, STYLES.tocNumber, style.leading);
        this.endMark();
        this.doc.goTo(LEFT + indent, y0, CONTENT_WIDTH - indent, h, e.anchor);
      }
      this.y += h + 1;
      yield;
    }
    this.endGroup();
  }

  /** Large cover blocks: a band of colour, then the caller's content. */
  coverBand(): void {
    const y = this.y;
    this.artifact((d) => d.rect(LEFT, y, 56, 5).fill(COLORS.coverBand));
    this.y += 18;
  }
}
