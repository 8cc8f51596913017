import { z } from 'zod';

export const shortenSchema = z.strictObject({ url: z.url({ protocol: /^https?$/ }) });

/** OF's ShortenURL (assumed): a long link in, a short one on OF's host out; the short one redirects. */
export class ShortUrls {
  private readonly targets = new Map<string, string>();
  private next = 1;

  constructor(private readonly baseUrl: () => string) {}

  shorten(url: string): { id: string; short_url: string; url: string } {
    const id = (this.next++).toString(36).padStart(6, '0');
    this.targets.set(id, url);
    return { id, short_url: `${this.baseUrl()}/s/${id}`, url };
  }

  target(id: string): string | undefined {
    return this.targets.get(id);
  }

  clear(): void {
    this.targets.clear();
  }
}
