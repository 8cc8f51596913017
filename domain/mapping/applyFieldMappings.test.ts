import { describe, expect, it } from 'vitest';
import { applyFieldMappings } from './applyFieldMappings.js';
import { formatFieldValue } from './formatFieldValue.js';

describe('formatFieldValue', () => {
  it('[CARE-Mapping] formats by field type, reading Danish dates, decimals and yes/no', () => {
    expect(formatFieldValue(' Lærer ', 'text')).toEqual({ value: 'Lærer' });
    expect(formatFieldValue('24-11-1980', 'date')).toEqual({ value: '1980-11-24' });
    expect(formatFieldValue('1.11.1980', 'date')).toEqual({ value: '1980-11-01' });
    expect(formatFieldValue('1980-11-24', 'date')).toEqual({ value: '1980-11-24' });
    expect(formatFieldValue('1.250,50', 'decimal')).toEqual({ value: 1250.5 });
    expect(formatFieldValue('42', 'integer')).toEqual({ value: 42 });
    expect(formatFieldValue('Ja', 'boolean')).toEqual({ value: true });
    expect(formatFieldValue('nej', 'boolean')).toEqual({ value: false });
    expect(formatFieldValue('22 33 44 55', 'phone')).toEqual({ value: '+4522334455' });
    expect(formatFieldValue(' Anna@Example.DK', 'email')).toEqual({ value: 'anna@example.dk' });
  });

  it('[CARE-Mapping] says why a value cannot be read instead of guessing', () => {
    expect(formatFieldValue('31-02-1980', 'date')).toEqual({ problem: 'not a date' });
    expect(formatFieldValue('4,5', 'integer')).toEqual({ problem: 'not a whole number' });
    expect(formatFieldValue('måske', 'boolean')).toEqual({ problem: 'not yes or no' });
    expect(formatFieldValue('anna(at)example.dk', 'email')).toEqual({ problem: 'not an email address' });
  });
});

describe('applyFieldMappings', () => {
  const rules = [
    { sourceField: 'stilling', target: 'jobtitle', type: 'text' as const },
    { sourceField: 'dato', target: 'birthdate', type: 'date' as const, form: 'FORM-A' },
    { sourceField: 'dato', target: 'msengine_eventdate', type: 'date' as const },
  ];

  it('[CARE-Mapping] a rule for the form wins over a rule for every form; unmapped fields are left alone', () => {
    const fields = { stilling: 'Lærer', dato: '24-11-1980', tshirt: 'M' };
    expect(applyFieldMappings(fields, 'FORM-A', rules)).toEqual({ mapped: { jobtitle: 'Lærer', birthdate: '1980-11-24' }, problems: [] });
    expect(applyFieldMappings(fields, 'FORM-B', rules).mapped).toEqual({ jobtitle: 'Lærer', msengine_eventdate: '1980-11-24' });
    expect(applyFieldMappings(fields, undefined, []).mapped).toEqual({});
  });

  it('[CARE-Mapping] reports a value a rule cannot read and maps the rest', () => {
    expect(applyFieldMappings({ stilling: 'Lærer', dato: 'i går' }, 'FORM-A', rules)).toEqual({
      mapped: { jobtitle: 'Lærer' },
      problems: [{ sourceField: 'dato', target: 'birthdate', reason: 'not a date' }],
    });
  });
});
