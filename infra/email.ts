import * as pulumi from '@pulumi/pulumi';
import * as communication from '@pulumi/azure-native/communication/index.js';
import type { StackConfig } from './config.js';
import type { ResourceNames } from './names.js';

/** Where ACS keeps its data at rest; `Europe` keeps MS's mail data in the EU. */
export const emailDataLocation = 'Europe';
/** Local part of the default sender address on the Azure-managed domain. */
export const defaultSenderUsername = 'DoNotReply';

export interface Email {
  communicationService: communication.CommunicationService;
  emailService: communication.EmailService;
  domain: communication.Domain;
  /** ACS_EMAIL_SENDER: `acsEmailSender` if the stack sets one, otherwise `DoNotReply@<managed domain>`. */
  senderAddress: pulumi.Output<string>;
  /** ACS_EMAIL_CONNECTION_STRING (endpoint and access key); a Pulumi secret, kept in the Key Vault. */
  connectionString: pulumi.Output<string>;
}

/**
 * Azure Communication Services for the engine's own mails: an Email service with an Azure-managed
 * domain (`<guid>.azurecomm.net`, verified by Azure, ready at once; low sending limits meant for
 * alerts and tests), connected to the Communication Service the engine sends through.
 */
export function createEmail(config: StackConfig, names: ResourceNames, resourceGroupName: pulumi.Input<string>): Email {
  const emailService = new communication.EmailService('email', {
    emailServiceName: names.emailService,
    resourceGroupName,
    location: 'global',
    dataLocation: emailDataLocation,
    tags: config.tags,
  });

  const domain = new communication.Domain('email-azure-managed', {
    domainName: 'AzureManagedDomain',
    emailServiceName: emailService.name,
    resourceGroupName,
    location: 'global',
    domainManagement: 'AzureManaged',
    // Azure-managed domains cannot track opens and clicks; MS's own domain, once connected, can
    // (then opens and clicks arrive through infra/emailEvents.ts like the delivery reports).
    userEngagementTracking: 'Disabled',
    tags: config.tags,
  });

  const communicationService = new communication.CommunicationService('communication', {
    communicationServiceName: names.communicationService,
    resourceGroupName,
    location: 'global',
    dataLocation: emailDataLocation,
    linkedDomains: [domain.id],
    tags: config.tags,
  });

  const keys = communication.listCommunicationServiceKeysOutput({
    communicationServiceName: communicationService.name,
    resourceGroupName,
  });
  const connectionString = pulumi.secret(
    keys.apply(({ primaryConnectionString }) => {
      if (!primaryConnectionString) throw new Error('Azure Communication Services returned no connection string');
      return primaryConnectionString;
    }),
  );

  const senderAddress = config.email.senderAddress
    ? pulumi.output(config.email.senderAddress)
    : pulumi.interpolate`${defaultSenderUsername}@${domain.mailFromSenderDomain}`;

  return { communicationService, emailService, domain, senderAddress, connectionString };
}
