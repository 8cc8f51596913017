/** Position after the last item of a page, in the listing order (updated_at, then id). */
export interface ListPosition {
  updatedAt: string;
  id: string;
}

/** Opaque to clients: base64url of the position, so paging is stable while entities change. */
export function encodeCursor(position: ListPosition): string {
  return Buffer.from(JSON.stringify([position.updatedAt, position.id])).toString('base64url');
}

export function decodeCursor(cursor: string): ListPosition | undefined {
  try {
    const decoded: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (!Array.isArray(decoded) || decoded.length !== 2) return undefined;
    const [updatedAt, id] = decoded as unknown[];
    return typeof updatedAt === 'string' && typeof id === 'string' ? { updatedAt, id } : undefined;
  } catch {
    return undefined;
  }
}
