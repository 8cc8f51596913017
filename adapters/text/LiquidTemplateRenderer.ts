import { Liquid } from 'liquidjs';
import type { TemplateRenderer } from '../../domain/sending/TemplateRenderer.js';

/** Templates cannot include files: staff write the whole text, and the engine reads nothing from disk for them. */
const noFiles = {
  exists: async () => false,
  existsSync: () => false,
  readFile: async (file: string) => Promise.reject(new Error(`templates cannot include files (${file})`)),
  readFileSync: (file: string) => {
    throw new Error(`templates cannot include files (${file})`);
  },
  resolve: (_root: string, file: string) => file,
};

/**
 * Liquid (liquidjs, the well-kept implementation of Shopify's template language) as the engine's
 * template language: strict, so an unknown variable or filter is an error rather than an empty gap,
 * and parsed templates are cached because a send renders the same text for every recipient.
 */
export class LiquidTemplateRenderer implements TemplateRenderer {
  private readonly liquid = new Liquid({ strictVariables: true, strictFilters: true, ownPropertyOnly: true, cache: 200, relativeReference: false, fs: noFiles });

  /** A send checks the same few texts for every recipient: answers are kept (bounded), not worked out again. */
  private readonly checked = new Map<string, { variables: string[] } | { syntaxError: string }>();

  check(text: string): { variables: string[] } | { syntaxError: string } {
    const known = this.checked.get(text);
    if (known) return known;
    if (this.checked.size >= 500) this.checked.clear();
    const answer = this.analyse(text);
    this.checked.set(text, answer);
    return answer;
  }

  private analyse(text: string): { variables: string[] } | { syntaxError: string } {
    try {
      return { variables: this.liquid.globalVariablesSync(this.liquid.parse(text)).sort() };
    } catch (error) {
      return { syntaxError: error instanceof Error ? error.message.split('\n')[0]! : String(error) };
    }
  }

  render(text: string, values: Readonly<Record<string, string>>): string {
    return this.liquid.parseAndRenderSync(text, { ...values });
  }
}
