/** Port: the template language (Liquid). */
export interface TemplateRenderer {
  /** The top-level variables the text uses, or why it cannot be read. */
  check(text: string): { variables: string[] } | { syntaxError: string };
  /** The text with the values filled in; every variable it uses must be among them. */
  render(text: string, values: Readonly<Record<string, string>>): string;
}
