import { describe, expect, it } from 'vitest';
import { accountColumns, contactColumns, contactMergeParameters, primaryContactColumns } from './personColumns.js';
import { aCompanyPerson, aPerson } from './testPersons.js';

describe('contactColumns', () => {
  it('maps a person to contact columns: first two emails, primary phone to mobile, address with ISO country code', () => {
    expect(contactColumns(aPerson())).toEqual({
      firstname: 'Karen',
      lastname: 'Jensen',
      emailaddress1: 'karen@example.dk',
      emailaddress2: 'kj@work.example.dk',
      mobilephone: '+4512345678',
      telephone2: '+4587654321',
      address1_line1: 'Fælledvej 12',
      address1_line2: '2. tv.',
      address1_postalcode: '2200',
      address1_city: 'København N',
      address1_country: 'DK',
      msengine_ofcontactid: 'of-contact-81',
      msengine_campaigncode: 'SOMMER24',
      msengine_supporterkind: null,
      msengine_invalidemail: false,
      msengine_invalidphone: false,
      msengine_unreadablephone: null,
      // Not refreshed yet: no consent, no stop-list entry.
      donotemail: true,
      donotbulkemail: true,
      donotphone: true,
      donotpostalmail: true,
      msengine_smsconsent: false,
      msengine_stoplistsms: false,
      msengine_stoplisttelemarketing: false,
    });
  });

  it('[Permissionsstruktur1] puts the consents and stop-list flags on the do-not columns: a call stop-listed is "do not phone" even with phone consent, an SMS stop-listed is no SMS consent', () => {
    const columns = contactColumns({ ...aPerson(), contactPreferences: { email: true, sms: true, phone: true, post: false, stopList: { sms: true, telemarketing: true } } });
    expect(columns).toMatchObject({ donotemail: false, donotbulkemail: false, donotphone: true, donotpostalmail: true, msengine_smsconsent: false, msengine_stoplistsms: true, msengine_stoplisttelemarketing: true });
  });

  it('sends null for every value the person no longer has, so the CRM forgets it too', () => {
    const { address: _address, campaignCode: _code, onlineFundraising: _of, ...bare } = aPerson();
    const columns = contactColumns({ ...bare, emails: ['only@example.dk'], phones: {} });

    expect(columns).toMatchObject({
      emailaddress1: 'only@example.dk',
      emailaddress2: null,
      mobilephone: null,
      telephone2: null,
      address1_line1: null,
      address1_line2: null,
      address1_postalcode: null,
      address1_city: null,
      address1_country: null,
      msengine_ofcontactid: null,
      msengine_campaigncode: null,
    });
  });

  it('leaves a third email out: the contact has room for two', () => {
    const columns = contactColumns(aPerson({ emails: ['a@example.dk', 'b@example.dk', 'c@example.dk'] }));

    expect(Object.values(columns)).not.toContain('c@example.dk');
  });

  it('binds a company contact to the company account as its parent customer', () => {
    const person = aCompanyPerson();

    expect(contactColumns(person)['parentcustomerid_account@odata.bind']).toBe(`/accounts(${person.company?.id})`);
    expect(contactColumns(aPerson())).not.toHaveProperty('parentcustomerid_account@odata.bind');
  });
});

describe('accountColumns and primaryContactColumns', () => {
  it('maps the company to the account name and CVR, and points the account back at the contact', () => {
    const person = aCompanyPerson();

    expect(accountColumns({ id: 'x', name: 'Jensen Tømrer ApS', cvr: '12345678' })).toEqual({ name: 'Jensen Tømrer ApS', msengine_cvr: '12345678' });
    expect(accountColumns({ id: 'x', name: 'Uden CVR' })).toEqual({ name: 'Uden CVR', msengine_cvr: null });
    expect(primaryContactColumns(person)).toEqual({ 'primarycontactid@odata.bind': `/contacts(${person.id})` });
  });
});

describe('[OnlineFundraising13] contactMergeParameters', () => {
  it('names the survivor as Target and the merged person as Subordinate, typed contacts, without UpdateContent or parenting checks', () => {
    expect(contactMergeParameters('s-id', 'm-id')).toEqual({
      Target: { '@odata.type': 'Microsoft.Dynamics.CRM.contact', contactid: 's-id' },
      Subordinate: { '@odata.type': 'Microsoft.Dynamics.CRM.contact', contactid: 'm-id' },
      PerformParentingChecks: false,
    });
  });
});
