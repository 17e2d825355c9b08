// How output looks: one set of named styles, either colour (a chalk instance at
// a chosen level) or none. Renderers only ever call these names.
export interface Style {
  headline(text: string): string;
  dateline(text: string): string;
  meta(text: string): string;
  quote(text: string): string;
  speaker(text: string): string;
  slug(text: string): string;
  date(text: string): string;
  match(text: string): string;
  heading(text: string): string;
}

const same = (text: string) => text;

export const plainStyle: Style = {
  headline: same,
  dateline: same,
  meta: same,
  quote: same,
  speaker: same,
  slug: same,
  date: same,
  match: same,
  heading: same,
};

/** Colour styles; chalk is loaded only when colour is on. */
export async function colorStyle(level: 1 | 2 | 3): Promise<Style> {
  const { Chalk } = await import('chalk');
  const c = new Chalk({ level });
  return {
    headline: c.bold,
    dateline: c.bold.yellow,
    meta: c.dim,
    quote: c.cyan,
    speaker: c.green,
    slug: c.magenta,
    date: c.blue,
    match: c.bold.red,
    heading: c.bold.underline,
  };
}
