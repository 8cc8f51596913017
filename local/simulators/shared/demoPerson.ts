export type Random = () => number;

export interface DemoPerson {
  firstName: string;
  lastName: string;
  /** `<first>.<last><3 digits>@example.dk`, æ/ø/å spelt out. */
  email: string;
  /** A valid Danish mobile typed with spaces, e.g. "20 12 34 56". */
  phone: string;
}

const firstNames = ['Mette', 'Anne', 'Kirsten', 'Hanne', 'Lars', 'Jens', 'Peter', 'Søren', 'Freja', 'Ida', 'Mads', 'Rasmus'];
const lastNames = ['Nielsen', 'Jensen', 'Hansen', 'Pedersen', 'Andersen', 'Christensen', 'Larsen', 'Sørensen', 'Rasmussen', 'Jørgensen'];
/** Danish mobile series; with a third digit of 1–9 every number in them is valid (checked against libphonenumber). */
const mobilePrefixes = ['20', '22', '26', '28', '30', '31', '40', '42', '50', '51', '53', '60', '61'];

/** A made-up Dane as they fill in a form on ms.dk, for the simulators' demo data. */
export function demoPerson(random: Random = Math.random): DemoPerson {
  const firstName = pick(firstNames, random);
  const lastName = pick(lastNames, random);
  const mobile = `${pick(mobilePrefixes, random)}${1 + Math.floor(random() * 9)}${digits(5, random)}`;
  return {
    firstName,
    lastName,
    email: `${ascii(firstName)}.${ascii(lastName)}${digits(3, random)}@example.dk`,
    phone: mobile.replace(/(\d{2})(?=\d)/g, '$1 '),
  };
}

export function pick<T>(items: readonly T[], random: Random): T {
  return items[Math.floor(random() * items.length)] as T;
}

function digits(count: number, random: Random): string {
  return Array.from({ length: count }, () => Math.floor(random() * 10)).join('');
}

function ascii(name: string): string {
  return name.toLowerCase().replace(/ø/g, 'oe').replace(/æ/g, 'ae').replace(/å/g, 'aa');
}
