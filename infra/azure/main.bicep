// Schuldketen on Azure: the Function App and the web app for the pages, both on one PostgreSQL database and one set of
// keys in Key Vault, with Service Bus for the partners on the bus and Application Insights. Deploy into a resource group:
//   az deployment group create --resource-group <group> --parameters infra/azure/main.demo.bicepparam
// App settings use the hub's own names (README, "Configuration"); secrets are Key Vault references, never values.

import { busPartner } from 'types.bicep'

@description('Short lower-case name of the environment, such as demo, test or productie; part of every resource name.')
@minLength(2)
@maxLength(12)
param environmentName string

@description('Start of every resource name.')
@minLength(3)
@maxLength(16)
param namePrefix string = 'schuldketen'

param location string = resourceGroup().location

param tags object = {}

@description('The hub\'s own OIN (Schuldketen__HubOin).')
@minLength(20)
@maxLength(20)
param hubOin string

@description('The demo organisations, trajectories and logins (Schuldketen__DemoData): never with an identity provider.')
param demoData bool = false

@description('Which definition a municipality runs, by its OIN (Schuldketen__MunicipalityDefinitions).')
param municipalityDefinitions object = {}

@description('The organisations on the bus, each with the role it sends as: a subscription per organisation, an intake queue per role.')
param busPartners busPartner[]

@description('Start of every name on the bus (Schuldketen__Bus__Prefix).')
param busPrefix string = 'schuldketen'

@description('Attempts at an incoming message before the hub dead-letters it (Schuldketen__Bus__MaxDeliveryCount); Service Bus\'s own limit is twice this.')
@minValue(1)
param busMaxDeliveryCount int = 5

param postgresAdministratorLogin string = 'schuldketen'

@secure()
@minLength(16)
@description('PostgreSQL administrator password, from the environment (see main.demo.bicepparam); it only reaches the server and the vault.')
param postgresAdministratorPassword string

param postgresSkuName string = 'Standard_B1ms'

@allowed([
  'Burstable'
  'GeneralPurpose'
  'MemoryOptimized'
])
param postgresSkuTier string = 'Burstable'

param postgresStorageSizeGB int = 32

@allowed([
  'Disabled'
  'ZoneRedundant'
  'SameZone'
])
param postgresHighAvailability string = 'Disabled'

@description('Function App instances that stay ready (Flex Consumption); the relays run on them between requests.')
@minValue(1)
param functionAlwaysReady int = 1

@minValue(1)
param functionMaximumInstances int = 40

@description('App Service plan size for the pages.')
param webAppSku string = 'P0v3'

@description('Instances serving the pages; they share logins through the data-protection keys.')
@minValue(1)
param webAppInstances int = 2

@description('Entra ID object id of the operator who sets the hub\'s keys in the vault once (Key Vault Secrets Officer); empty for none.')
param operatorPrincipalId string = ''

var baseName = '${namePrefix}-${environmentName}'
var suffix = uniqueString(resourceGroup().id, environmentName)
var compactName = take(toLower(replace(baseName, '-', '')), 9)

// The hub's keys (README, "Configuration"): set once by the operator as these secrets, never by a deployment.
var hubKeySecrets = {
  SubjectHash: 'hub-subject-hash'
  SubjectEncryption: 'hub-subject-encryption'
  TokenSigning: 'hub-token-signing'
}

// The certificate the operator creates once in the vault; its secret is the PKCS#12 the web app encrypts its
// data-protection keys with.
var dataProtectionCertificate = 'dataprotection'

// The hub's own blob containers, by what the hub keeps in them. A feature that keeps blobs adds its container here
// and names it in the settings below.
var dataContainers = {
  dataProtection: 'dataprotection'
  attachments: 'attachments'
}

var functionDeploymentContainer = 'deployment'

func keyVaultReference(secretUri string) string => '@Microsoft.KeyVault(SecretUri=${secretUri})'

module monitoring 'modules/monitoring.bicep' = {
  name: 'monitoring'
  params: {
    baseName: baseName
    location: location
    tags: tags
  }
}

module keyVault 'modules/keyvault.bicep' = {
  name: 'keyvault'
  params: {
    name: '${compactName}kv${suffix}'
    location: location
    tags: tags
  }
}

module postgres 'modules/postgres.bicep' = {
  name: 'postgres'
  params: {
    name: '${toLower(baseName)}-${suffix}'
    location: location
    tags: tags
    databaseName: 'schuldketen'
    administratorLogin: postgresAdministratorLogin
    administratorPassword: postgresAdministratorPassword
    keyVaultName: keyVault.outputs.name
    skuName: postgresSkuName
    skuTier: postgresSkuTier
    storageSizeGB: postgresStorageSizeGB
    highAvailability: postgresHighAvailability
  }
}

module serviceBus 'modules/servicebus.bicep' = {
  name: 'servicebus'
  params: {
    name: '${baseName}-${suffix}'
    location: location
    tags: tags
    prefix: busPrefix
    partners: busPartners
    maxDeliveryCount: busMaxDeliveryCount * 2
  }
}

module dataStorage 'modules/storage.bicep' = {
  name: 'datastorage'
  params: {
    name: '${compactName}dt${suffix}'
    location: location
    tags: tags
    containers: map(items(dataContainers), container => container.value)
  }
}

module functionStorage 'modules/storage.bicep' = {
  name: 'functionstorage'
  params: {
    name: '${compactName}fn${suffix}'
    location: location
    tags: tags
    containers: [functionDeploymentContainer]
  }
}

var busPartnerSettings = reduce(
  range(0, length(busPartners)),
  {},
  (settings, index) =>
    union(settings, {
      'Schuldketen__Bus__Partners__${index}__Organisation': busPartners[index].organisation
      'Schuldketen__Bus__Partners__${index}__Role': busPartners[index].role
    })
)

var definitionSettings = toObject(
  items(municipalityDefinitions),
  definition => 'Schuldketen__MunicipalityDefinitions__${definition.key}',
  definition => definition.value
)

// What both apps read: one database, one set of keys, one bus, one place for the data-protection keys and one for handed-in files.
var hubSettings = union(busPartnerSettings, definitionSettings, {
  APPLICATIONINSIGHTS_CONNECTION_STRING: monitoring.outputs.applicationInsightsConnectionString
  Schuldketen__HubOin: hubOin
  Schuldketen__DemoData: string(demoData)
  Schuldketen__Postgres: keyVaultReference(postgres.outputs.connectionStringReference)
  Schuldketen__Keys__SubjectHash: keyVaultReference('${keyVault.outputs.uri}secrets/${hubKeySecrets.SubjectHash}')
  Schuldketen__Keys__SubjectEncryption: keyVaultReference('${keyVault.outputs.uri}secrets/${hubKeySecrets.SubjectEncryption}')
  Schuldketen__Keys__TokenSigning: keyVaultReference('${keyVault.outputs.uri}secrets/${hubKeySecrets.TokenSigning}')
  Schuldketen__Bus__Profile: 'ServiceBus'
  Schuldketen__Bus__FullyQualifiedNamespace: serviceBus.outputs.fullyQualifiedNamespace
  Schuldketen__Bus__Prefix: busPrefix
  Schuldketen__Bus__MaxDeliveryCount: string(busMaxDeliveryCount)
  Schuldketen__DataProtection__ApplicationName: 'schuldketen'
  Schuldketen__DataProtection__BlobUri: '${dataStorage.outputs.blobEndpoint}${dataContainers.dataProtection}/keys.xml'
  Schuldketen__DataProtection__Certificate: keyVaultReference('${keyVault.outputs.uri}secrets/${dataProtectionCertificate}')
  Schuldketen__Conversations__AttachmentStore: 'Blob'
  Schuldketen__Conversations__AttachmentContainer: '${dataStorage.outputs.blobEndpoint}${dataContainers.attachments}'
})

module functionApp 'modules/functionapp.bicep' = {
  name: 'functionapp'
  params: {
    name: '${baseName}-functions-${suffix}'
    location: location
    tags: tags
    storageAccountName: functionStorage.outputs.name
    storageBlobEndpoint: functionStorage.outputs.blobEndpoint
    deploymentContainer: functionDeploymentContainer
    dotnetVersion: '10.0'
    alwaysReadyInstances: functionAlwaysReady
    maximumInstances: functionMaximumInstances
    instanceMemoryMB: 2048
    settings: hubSettings
  }
}

module webApp 'modules/webapp.bicep' = {
  name: 'webapp'
  params: {
    name: '${baseName}-portal-${suffix}'
    location: location
    tags: tags
    skuName: webAppSku
    instances: webAppInstances
    settings: hubSettings
  }
}

module access 'modules/access.bicep' = {
  name: 'access'
  params: {
    appPrincipalIds: [functionApp.outputs.principalId, webApp.outputs.principalId]
    functionAppPrincipalId: functionApp.outputs.principalId
    operatorPrincipalId: operatorPrincipalId
    serviceBusName: serviceBus.outputs.name
    keyVaultName: keyVault.outputs.name
    dataStorageName: dataStorage.outputs.name
    functionStorageName: functionStorage.outputs.name
  }
}

output functionAppName string = functionApp.outputs.name
output functionAppHostName string = functionApp.outputs.hostName
output webAppName string = webApp.outputs.name
output webAppHostName string = webApp.outputs.hostName
output keyVaultName string = keyVault.outputs.name
output serviceBusNamespace string = serviceBus.outputs.fullyQualifiedNamespace
output hubKeySecretNames object = hubKeySecrets
