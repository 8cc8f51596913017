/** GSM 03.38's basic set and its extension (which counts twice); Danish æøåÆØÅ are in the basic set. */
const gsmBasic = new Set([..."@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà"]);
const gsmExtension = new Set([...'^{}\\[~]|€']);

/** How many SMS parts a text is billed as: 160/153 characters in GSM-7, 70/67 when any character needs Unicode. */
export function smsParts(text: string): { parts: number; encoding: 'GSM-7' | 'UCS-2'; characters: number } {
  const characters = [...text];
  if (characters.every((character) => gsmBasic.has(character) || gsmExtension.has(character))) {
    const units = characters.reduce((sum, character) => sum + (gsmExtension.has(character) ? 2 : 1), 0);
    return { parts: units <= 160 ? 1 : Math.ceil(units / 153), encoding: 'GSM-7', characters: units };
  }
  const units = text.length;
  return { parts: units <= 70 ? 1 : Math.ceil(units / 67), encoding: 'UCS-2', characters: units };
}
