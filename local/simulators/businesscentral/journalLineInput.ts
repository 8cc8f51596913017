import { BcError, bcErrorCodes } from './bcError.js';
import type { CompanyStore } from './CompanyStore.js';
import { type GlAccount, type JournalLineFields, blankGuid, glAccountType, journalAccountTypes } from './entities.js';
import { journalLineType } from './representations.js';
import { amountValue, checkProperties, codeValue, dateValue, enumValue, guidValue, integerValue, textValue } from './fieldValues.js';

const readOnly = { id: 'Id', journalId: 'Journal Id', lastModifiedDateTime: 'Last Modified Date' };
const refused = { journalDisplayName: "The Journal Batch Display Name isn't editable." };
const writable = journalLineType.properties.filter((property) => !(property in readOnly) && !(property in refused));

/**
 * The fields of a journal line a POST creates, validated as BC's journalLines API page and the Gen.
 * Journal Line table do, in the page's field order: the first problem is the error. Code fields are
 * trimmed and upper-cased; the description defaults to the account's name; the posting date to today.
 */
export function journalLineFields(body: Record<string, unknown>, store: CompanyStore, today: string): JournalLineFields {
  checkProperties(body, 'journalLine', writable, readOnly, refused);
  const lineNumber = 'lineNumber' in body ? integerValue(body['lineNumber']) : 0;
  const accountType = 'accountType' in body ? onlyGlAccounts(enumValue(body['accountType'], journalAccountTypes, 'genJournalAccountType'), 'accountType') : glAccountType;
  const account = accountOf(body, store);
  const postingDate = 'postingDate' in body ? dateValue(body['postingDate']) : today;
  const documentNumber = 'documentNumber' in body ? codeValue(body['documentNumber'], 20) : '';
  const externalDocumentNumber = 'externalDocumentNumber' in body ? codeValue(body['externalDocumentNumber'], 35) : '';
  const amount = 'amount' in body ? amountValue(body['amount']) : 0;
  const description = 'description' in body ? textValue(body['description'], 100) : (account?.displayName ?? '');
  const comment = 'comment' in body ? textValue(body['comment'], 250) : '';
  const taxCode = 'taxCode' in body ? codeValue(body['taxCode'], 20) : '';
  const balanceAccountType =
    'balanceAccountType' in body ? onlyGlAccounts(enumValue(body['balanceAccountType'], journalAccountTypes, 'genJournalAccountType'), 'balanceAccountType') : glAccountType;
  const balancingAccount = balancingAccountOf(body, store);
  return {
    lineNumber,
    accountType,
    accountId: account?.id ?? blankGuid,
    accountNumber: account?.number ?? '',
    postingDate,
    documentNumber,
    externalDocumentNumber,
    amount,
    description,
    comment,
    taxCode,
    balanceAccountType,
    balancingAccountId: balancingAccount?.id ?? blankGuid,
    balancingAccountNumber: balancingAccount?.number ?? '',
  };
}

/** accountId, then accountNumber (which must then name the same account); a blocked account is refused. */
function accountOf(body: Record<string, unknown>, store: CompanyStore): GlAccount | undefined {
  let account: GlAccount | undefined;
  if ('accountId' in body) {
    const id = guidValue(body['accountId']);
    if (id !== blankGuid) account = store.accountById(id) ?? dialog('The "accountId" does not match to an Account.');
  }
  if ('accountNumber' in body) {
    const number = codeValue(body['accountNumber'], 20);
    if (account && account.number !== number) dialog('The account values do not match to a specific Account.');
    if (!account && number !== '') account = store.accountByNumber(number) ?? dialog('The "accountNumber" does not match to an Account.');
  }
  return account && notBlocked(account);
}

/** balancingAccountId, then balancingAccountNumber, which the table checks against G/L Account (a table relation). */
function balancingAccountOf(body: Record<string, unknown>, store: CompanyStore): GlAccount | undefined {
  let account: GlAccount | undefined;
  if ('balancingAccountId' in body) {
    const id = guidValue(body['balancingAccountId']);
    if (id !== blankGuid) account = store.accountById(id) ?? dialog('The "balancingAccountId" does not match to an Account.');
  }
  if ('balancingAccountNumber' in body) {
    const number = codeValue(body['balancingAccountNumber'], 20);
    account = number === '' ? undefined : store.accountByNumber(number);
    if (number !== '' && !account) {
      throw new BcError(
        400,
        bcErrorCodes.invalidTableRelation,
        `The field Bal. Account No. of table Gen. Journal Line contains a value (${number}) that cannot be found in the related table (G/L Account).`,
      );
    }
  }
  return account && notBlocked(account);
}

function notBlocked(account: GlAccount): GlAccount {
  if (!account.blocked) return account;
  throw new BcError(400, bcErrorCodes.fieldValidation, `Blocked must be equal to 'No'  in G/L Account: No.=${account.number}. Current value is 'Yes'.`);
}

function onlyGlAccounts(type: string, property: string): string {
  if (type === glAccountType) return type;
  throw new BcError(400, bcErrorCodes.badRequest, `The Business Central simulator keeps only '${glAccountType}' lines; ${property} '${type}' is not supported.`);
}

function dialog(message: string): never {
  throw new BcError(400, bcErrorCodes.dialog, message);
}
