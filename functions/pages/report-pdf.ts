/**
 * The report as a PDF, made on the server with pdf-lib: the same numbers, answers, "what now" and (if
 * asked for) notes as the page, with the weekly answers as labelled bars. pdf-lib writes a PDF with the
 * standard Helvetica fonts (nothing embedded, no native code); it loads only when a PDF is asked for.
 */
import { PDFDocument, type PDFFont, type PDFPage, rgb, StandardFonts } from 'pdf-lib';
import { crisisLinesOfZone } from '../program/crisis-lines';
import { decimalWriter } from '../program/local-words';
import { answerWords, type CheckpointReport, type MetricSummary, weekScoreText } from '../program/report';
import type { Language, Track } from '../program/types';
import { patternWords, WHAT_NOW_ORDER, WHAT_NOW_WORDS, whatNow } from '../program/what-now';
import type { ReportNote } from '../use-cases/report/view-report';
import { dayOn } from './words/dates';
import { plainFooter } from './words/layout';
import { REPORT_WORDS } from './words/report';

export interface ReportPdfInput {
  report: CheckpointReport;
  track: Track;
  timezone: string;
  /** The participant's language (absent: English); Helvetica's WinAnsi has á, é, í, ó, ú, ñ, ü, ¿ and ¡. */
  language?: Language;
  /** The notes to print; absent when the participant left them out. */
  notes?: ReportNote[];
  /** When the PDF is made (its creation date). */
  now: string;
}

/** US Letter, in points: the program's participants are in the US, where paper is Letter. */
const LETTER = { width: 612, height: 792 };
const MARGIN = 56;
const INK = rgb(0.12, 0.106, 0.086);
const MUTED = rgb(0.357, 0.322, 0.278);
const GOLD = rgb(0.541, 0.416, 0.071);
const LINE = rgb(0.435, 0.4, 0.353);

/** Lays text out top to bottom, wrapping lines and starting new pages as it goes. */
class Writer {
  private page: PDFPage;
  private y: number;
  private readonly encodable: Set<number>;

  constructor(
    private readonly doc: PDFDocument,
    private readonly regular: PDFFont,
    private readonly bold: PDFFont,
    /** A number with one decimal as written where the person lives. */
    private readonly decimal: (n: number) => string,
  ) {
    this.encodable = new Set(regular.getCharacterSet());
    this.page = doc.addPage([LETTER.width, LETTER.height]);
    this.y = LETTER.height - MARGIN;
  }

  /** Characters the standard fonts cannot show (emoji, most scripts but Latin) become "?". */
  clean(text: string): string {
    return [...text.replace(/\u2212/g, '-')]
      .map((ch) => (this.encodable.has(ch.codePointAt(0) ?? 0) ? ch : '?'))
      .join('');
  }

  room(height: number): void {
    if (this.y - height >= MARGIN) return;
    this.page = this.doc.addPage([LETTER.width, LETTER.height]);
    this.y = LETTER.height - MARGIN;
  }

  gap(points: number): void {
    this.y -= points;
  }

  /** Writes a paragraph, wrapped to the page (or to `width`), at `size` points. */
  text(
    text: string,
    options: { size?: number; bold?: boolean; color?: ReturnType<typeof rgb>; indent?: number } = {},
  ): void {
    const size = options.size ?? 11;
    const font = options.bold ? this.bold : this.regular;
    const indent = options.indent ?? 0;
    const width = LETTER.width - 2 * MARGIN - indent;
    for (const paragraph of this.clean(text).split(/\r?\n/)) {
      const lines: string[] = [];
      let line = '';
      for (const word of paragraph.split(/\s+/).filter(Boolean)) {
        const next = line ? `${line} ${word}` : word;
        if (font.widthOfTextAtSize(next, size) <= width || !line) line = next;
        else {
          lines.push(line);
          line = word;
        }
      }
      lines.push(line);
      for (const l of lines) {
        this.room(size * 1.45);
        this.y -= size * 1.2;
        this.page.drawText(l, { x: MARGIN + indent, y: this.y, size, font, color: options.color ?? INK });
        this.y -= size * 0.25;
      }
    }
  }

  heading(text: string, size = 14): void {
    this.room(size * 3);
    this.gap(size * 0.6);
    this.text(text, { size, bold: true });
    this.gap(2);
  }

  /** One metric's weekly answers as bars, each with its value above and its week below. */
  bars(metric: MetricSummary, axis: string): void {
    const weeks = metric.weekly.some((w) => w.asked !== undefined)
      ? metric.weekly.filter((w) => w.asked)
      : metric.weekly;
    const max = metric.scale === 'yes-no' ? 1 : 5;
    const chartHeight = 90;
    this.room(chartHeight + 50);
    const left = MARGIN;
    const width = LETTER.width - 2 * MARGIN;
    const base = this.y - chartHeight - 16;
    const step = width / Math.max(1, weeks.length);
    const barWidth = Math.min(36, step * 0.6);
    weeks.forEach(({ week, score }, i) => {
      const x = left + i * step + (step - barWidth) / 2;
      const height = score === null ? 0 : Math.max(3, (score / max) * chartHeight);
      if (score !== null) this.page.drawRectangle({ x, y: base, width: barWidth, height, color: GOLD });
      const value =
        score === null
          ? '–'
          : metric.scale === 'yes-no'
            ? `${Math.round(score * 100)}%`
            : weekScoreText(score, this.decimal);
      const valueWidth = this.bold.widthOfTextAtSize(value, 10);
      this.page.drawText(value, {
        x: x + (barWidth - valueWidth) / 2,
        y: base + height + 4,
        size: 10,
        font: this.bold,
        color: INK,
      });
      const label = String(week);
      const labelWidth = this.regular.widthOfTextAtSize(label, 10);
      this.page.drawText(label, {
        x: x + (barWidth - labelWidth) / 2,
        y: base - 13,
        size: 10,
        font: this.regular,
        color: MUTED,
      });
    });
    this.page.drawLine({
      start: { x: left, y: base },
      end: { x: left + width, y: base },
      thickness: 1,
      color: LINE,
    });
    this.y = base - 18;
    this.text(axis, { size: 9, color: MUTED });
  }
}

/** The report as PDF bytes. */
export async function reportPdf(input: ReportPdfInput): Promise<Uint8Array> {
  const { report, timezone } = input;
  const language = input.language ?? 'en';
  const words = { ...REPORT_WORDS[language], decimal: decimalWriter(language, timezone) };
  const fmt = (n: number | null) => (n === null ? '–' : words.decimal(n));
  const doc = await PDFDocument.create();
  doc.setTitle(words.title);
  doc.setLanguage(language);
  doc.setCreator('Kintsugi');
  doc.setProducer('Kintsugi');
  doc.setCreationDate(new Date(input.now));
  doc.setModificationDate(new Date(input.now));
  const w = new Writer(
    doc,
    await doc.embedFont(StandardFonts.Helvetica),
    await doc.embedFont(StandardFonts.HelveticaBold),
    words.decimal,
  );

  w.text('Kintsugi', { size: 11, bold: true, color: GOLD });
  w.heading(words.title, 20);
  w.text(words.pdf.madeOn(dayOn(report.generatedAt, timezone, language)), { color: MUTED });

  if (!report.metrics.length) w.text(words.noTrend);
  for (const m of report.metrics) {
    w.heading(m.question, 12.5);
    const change = m.change === null ? '–' : `${m.change > 0 ? '+' : ''}${fmt(m.change)}`;
    w.text(words.pdf.summary(m.answered, m.sent, fmt(m.first30), fmt(m.last30), change));
    w.gap(4);
    w.bars(m, words.pdf.axis);
  }

  const checks = report.quickChecks ?? [];
  if (checks.length) {
    w.heading(words.quickHeading);
    for (const check of checks) {
      w.text(words.day(check.day), { bold: true });
      for (const a of check.answers)
        w.text(`${a.question} ${words.pdf.yourAnswer(answerWords(a.answer, a.scale, language))}.`, {
          indent: 12,
        });
    }
  }
  if (report.checkpoint.length) {
    w.heading(words.checkpointHeading);
    for (const c of report.checkpoint)
      w.text(
        `${c.question} ${words.pdf.yourAnswer(answerWords(c.answer, c.scale, language))}${c.late ? words.cameLate : ''}.`,
      );
  }

  const verdict = whatNow(report, input.track, language, words.decimal);
  const now = WHAT_NOW_WORDS[language];
  const lines = crisisLinesOfZone(timezone);
  const safety = () => {
    w.heading(now.safety.title, 12);
    w.text(now.safety.text(lines));
    w.text(now.safety.emergency(lines));
  };
  w.heading(now.heading);
  if (verdict.safetyFirst) safety();
  w.text(verdict.pattern ? now.intro : now.notEnough);
  for (const key of WHAT_NOW_ORDER) {
    const chosen = verdict.pattern === key;
    const shown = patternWords(now, key, verdict.safetyFirst);
    w.heading(`${shown.title}${chosen ? ` (${now.leansHere.toLowerCase()})` : ''}`, 12);
    w.text(shown.text);
    if (chosen && verdict.reasons.length) {
      w.text(now.why, { bold: true });
      for (const reason of verdict.reasons) w.text(`• ${reason}`, { indent: 12 });
    }
  }
  if (!verdict.safetyFirst) safety();

  if (input.notes) {
    w.heading(words.notesHeading);
    if (!input.notes.length) w.text(words.pdf.noNotes);
    for (const note of input.notes) {
      // ", with the answer 4 of 5" ("· with the answer" on the page).
      const answer = note.withAnswer
        ? words.withAnswer(note.withAnswer, note.changedTo).replace(' ·', ',')
        : '';
      w.text(`${dayOn(note.at, timezone, language)}${answer}`, { size: 10, color: MUTED });
      w.text(note.text);
      w.gap(4);
    }
  }
  w.gap(10);
  w.text(plainFooter(language, lines), { size: 9, color: MUTED });
  return doc.save();
}
