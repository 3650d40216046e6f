// A storage account reached with managed identities only (no shared keys), and its blob containers.

@description('Globally unique, 3-24 lower-case letters and digits.')
@minLength(3)
@maxLength(24)
param name string

param location string

param tags object

@description('The blob containers to create, none public.')
param containers string[]

resource account 'Microsoft.Storage/storageAccounts@2024-01-01' = {
  name: name
  location: location
  tags: tags
  kind: 'StorageV2'
  sku: {
    name: 'Standard_LRS'
  }
  properties: {
    allowBlobPublicAccess: false
    allowSharedKeyAccess: false
    minimumTlsVersion: 'TLS1_2'
    supportsHttpsTrafficOnly: true
  }
}

resource blobs 'Microsoft.Storage/storageAccounts/blobServices@2024-01-01' = {
  parent: account
  name: 'default'
}

resource created 'Microsoft.Storage/storageAccounts/blobServices/containers@2024-01-01' = [
  for container in containers: {
    parent: blobs
    name: container
    properties: {
      publicAccess: 'None'
    }
  }
]

output name string = account.name

@description('The blob endpoint, ending in a slash.')
output blobEndpoint string = account.properties.primaryEndpoints.blob
