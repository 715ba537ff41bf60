import { type CrisisLines, telOf } from '../../program/crisis-lines';
import type { HelpLineRegion, HelpLines, SystemMessages } from '../../program/types';
import { fillHtml, fillText } from '../../render/fill';

/** A help line's placeholder in a lesson's or a system email's body (content/system.yaml helpLines). */
export type HelpLine = keyof HelpLines;

/** The values of {{emergencyLine}}, {{crisisLine}} and {{abuseLine}}: HTML for the HTML body, words for the text. */
export interface HelpLineValues {
  html: Record<HelpLine, string>;
  text: Record<HelpLine, string>;
}

/** Which wording of each line applies where the person lives (program/crisis-lines.ts). */
function regionsOf(lines: CrisisLines): Record<HelpLine, HelpLineRegion> {
  if (lines.region !== 'elsewhere')
    return { emergencyLine: lines.region, crisisLine: lines.region, abuseLine: lines.region };
  return {
    emergencyLine: lines.emergency ? 'elsewhere' : 'unknown',
    crisisLine: lines.crisis ? 'national' : 'elsewhere',
    abuseLine: lines.abuse ? 'national' : 'elsewhere',
  };
}

/**
 * The help lines of where a person lives, in the language of `messages`: 911, 988 and the US hotline in the
 * US; 911 and 988 in Canada; elsewhere the country's emergency number (or words for it), its own free
 * lines where they are known, and the directory of free helplines. The wordings are the build's own HTML,
 * filled with nothing but those numbers.
 */
export function helpLineValues(
  messages: Pick<SystemMessages, 'helpLines'>,
  lines: CrisisLines,
): HelpLineValues {
  const regions = regionsOf(lines);
  const values = nationalValues(lines);
  const html = {} as Record<HelpLine, string>;
  const text = {} as Record<HelpLine, string>;
  for (const line of Object.keys(regions) as HelpLine[]) {
    const wordings = messages.helpLines[line] as Partial<
      Record<HelpLineRegion, { html: string; text: string }>
    >;
    const wording = wordings[regions[line]] ?? (wordings.elsewhere as { html: string; text: string });
    html[line] = fillHtml(wording.html, values);
    text[line] = fillText(wording.text, values);
  }
  return { html, text };
}

/** The numbers a help line's wording is filled with: the emergency number, and the country's own lines with their links. */
export function nationalValues(lines: CrisisLines): Record<string, string> {
  return {
    emergency: lines.emergency ?? '',
    crisis: lines.crisis ?? '',
    crisisTel: telOf(lines.crisis ?? ''),
    abuse: lines.abuse ?? '',
    abuseTel: telOf(lines.abuse ?? ''),
  };
}
