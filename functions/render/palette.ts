/**
 * Kintsugi's colours: gold mending on dark pottery, warm paper for reading. The MJML layouts and the
 * rendered Markdown use only these; the tests check every text pair against WCAG AA (4.5:1).
 */
export const PALETTE = {
  ink: '#2A2420',
  paper: '#FFFBF4',
  page: '#EDE5D8',
  gold: '#E4C173',
  seam: '#C9A04A',
  link: '#7A5416',
  muted: '#5E554D',
  todo: '#F8EEDA',
  footerText: '#DDD3C6',
  footerLink: '#F0D08A',
  buttonText: '#F8E6B8',
  darkPaper: '#1F1B18',
  darkText: '#EFE7DC',
} as const;

export type PaletteColour = keyof typeof PALETTE;

/** Every foreground/background pair that carries text, light and dark mode. */
export const TEXT_PAIRS: readonly [fg: PaletteColour, bg: PaletteColour][] = [
  ['ink', 'paper'],
  ['muted', 'paper'],
  ['link', 'paper'],
  ['ink', 'todo'],
  ['link', 'todo'],
  ['gold', 'ink'],
  ['footerText', 'ink'],
  ['footerLink', 'ink'],
  ['buttonText', 'ink'],
  ['darkText', 'darkPaper'],
  ['footerLink', 'darkPaper'],
  ['buttonText', 'darkPaper'],
  ['darkText', 'ink'],
];

/**
 * Bars of the report's charts against what surrounds them, light and dark mode. Bars are graphics, not
 * text, so WCAG 1.4.11 asks 3:1; every bar also carries its number as text.
 */
export const GRAPHIC_PAIRS: readonly [bar: PaletteColour, bg: PaletteColour][] = [
  ['link', 'paper'],
  ['link', 'todo'],
  ['gold', 'darkPaper'],
  ['gold', 'ink'],
];
